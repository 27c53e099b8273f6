import { Badge } from '@/components/ui/badge';
import type { TimelineEventDto } from '@/lib/transactions/contract';
import { OutcomeBadge } from '@/components/webhooks/outcome-badge';
import { OUTCOME_DESCRIPTIONS, SOURCE_LABELS } from '@/components/webhooks/outcome-labels';
import { EventPayloadDialog } from './event-payload-dialog';

type Props = { appId: string; orderId: string; events: TimelineEventDto[]; truncated: boolean };

/** Every delivery that named the order, oldest first: webhooks (copies and late ones too) and syncs. */
export function OrderTimeline({ appId, orderId, events, truncated }: Props) {
  if (events.length === 0) {
    return (
      <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">
        No webhook has named this order yet. If the customer paid, <strong>Sync with gateway</strong> asks the gateway directly.
      </p>
    );
  }
  return (
    <div className="grid gap-3">
      {truncated && <p className="text-sm text-muted-foreground">Older deliveries are not shown: the latest {events.length} are.</p>}
      <ol aria-label="Timeline" className="relative grid gap-3 border-l pl-5">
        {events.map((event) => (
          <li key={event.id} className="relative grid gap-1.5">
            <span aria-hidden className="absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full border-2 border-background bg-muted-foreground" />
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-sm font-medium">{event.eventType ?? 'unknown event'}</span>
              <OutcomeBadge outcome={event.outcome} />
              {event.source === 'sync' && <Badge variant="outline">{SOURCE_LABELS.sync}</Badge>}
            </div>
            <p className="text-xs text-muted-foreground">
              <time dateTime={event.receivedAt}>{event.receivedAtLabel}</time>
              {event.gatewayPaymentId && (
                <>
                  {' · '}
                  <span className="font-mono">{event.gatewayPaymentId}</span>
                </>
              )}
            </p>
            <p className="text-xs text-muted-foreground">{OUTCOME_DESCRIPTIONS[event.outcome]}</p>
            <div>
              <EventPayloadDialog appId={appId} orderId={orderId} event={event} />
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
