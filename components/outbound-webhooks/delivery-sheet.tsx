'use client';

import { RotateCw } from 'lucide-react';
import { resendEventAction } from '@/app/(dashboard)/apps/[appId]/settings/webhooks/actions';
import { useStepAction } from '@/components/payment-gateway/use-step-action';
import { prettyPayload } from '@/components/transactions/pretty-payload';
import { Button } from '@/components/ui/button';
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from '@/components/ui/sheet';
import { Skeleton } from '@/components/ui/skeleton';
import { formatPreciseDateTime } from '@/lib/format';
import type { EndpointDeliveryDetailDto } from '@/lib/outbound-webhooks/delivery-log';
import { AttemptStatusBadge, DeliveryStatusBadge } from './delivery-status-badge';
import { DELIVERY_STATUS_DESCRIPTIONS } from './labels';
import { useEndpointDelivery } from './use-endpoint-deliveries';

type Attempt = EndpointDeliveryDetailDto['attemptLog'][number];

function Headers({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">None recorded.</p>;
  return (
    <dl className="grid gap-1 rounded-md border p-3 font-mono text-xs">
      {entries.map(([name, value]) => (
        <div key={name} className="grid grid-cols-[minmax(0,10rem)_1fr] gap-2">
          <dt className="truncate text-muted-foreground" title={name}>
            {name}
          </dt>
          <dd className="break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One attempt: what we sent and what came back. The body is text in a <pre>, never HTML. */
function AttemptItem({ attempt }: { attempt: Attempt }) {
  const headingId = `attempt-${attempt.number}`;
  return (
    <li className="grid gap-2 rounded-md border p-3">
      <div className="flex flex-wrap items-center gap-2">
        <h4 id={headingId} className="text-sm font-semibold">
          Attempt {attempt.number}
        </h4>
        <AttemptStatusBadge status={attempt.status} />
        <span className="text-xs text-muted-foreground">
          <time dateTime={attempt.startedAt}>{formatPreciseDateTime(new Date(attempt.startedAt))}</time>
          {attempt.durationMs !== null && ` · ${attempt.durationMs} ms`}
        </span>
      </div>
      <dl className="grid gap-2 text-sm sm:grid-cols-2">
        <div className="grid gap-0.5">
          <dt className="text-xs text-muted-foreground">Response status</dt>
          <dd data-testid="attempt-response-status">{attempt.responseStatus ?? 'No answer'}</dd>
        </div>
        {attempt.error && (
          <div className="grid gap-0.5">
            <dt className="text-xs text-muted-foreground">Error</dt>
            <dd className="break-words">{attempt.error}</dd>
          </div>
        )}
        <div className="grid gap-0.5 sm:col-span-2">
          <dt className="text-xs text-muted-foreground">URL</dt>
          <dd className="font-mono text-xs break-all">{attempt.url}</dd>
        </div>
      </dl>
      <details className="grid gap-1">
        <summary className="cursor-pointer text-sm font-medium">Request headers</summary>
        <Headers headers={attempt.requestHeaders} />
      </details>
      <div className="grid gap-1">
        <p className="text-sm font-medium">Response body (first 4 KB, as text)</p>
        {attempt.responseBody ? (
          <pre tabIndex={0} aria-label={`Response body of attempt ${attempt.number}`} className="max-h-48 overflow-auto rounded-md border bg-muted/40 p-3 font-mono text-xs whitespace-pre-wrap break-all">
            {attempt.responseBody}
          </pre>
        ) : (
          <p className="text-sm text-muted-foreground">Empty.</p>
        )}
      </div>
    </li>
  );
}

type Props = { appId: string; endpointId: string; endpointEnabled: boolean; eventId: string | null; onClose: () => void; onResent: () => void };

export function DeliverySheet({ appId, endpointId, endpointEnabled, eventId, onClose, onResent }: Props) {
  const { data, error, isPending, refetch } = useEndpointDelivery(appId, endpointId, eventId);
  const { pending, run } = useStepAction();
  const resend = () =>
    run(
      () => resendEventAction({ appId, endpointId, eventId: eventId! }),
      () => {
        void refetch();
        onResent();
      },
    );
  return (
    <Sheet open={eventId !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent className="w-full overflow-y-auto sm:max-w-2xl">
        <SheetHeader>
          <SheetTitle>Delivery</SheetTitle>
          <SheetDescription>{data ? `${data.eventType} · ${data.eventId}` : 'Loading the delivery…'}</SheetDescription>
        </SheetHeader>
        <div className="grid gap-5 px-4 pb-6">
          {error && <p className="text-sm text-destructive">{error.message}</p>}
          {isPending && !error && <Skeleton className="h-40 w-full" />}
          {data && (
            <>
              <div className="flex flex-wrap items-center gap-2" data-testid="delivery-status">
                <DeliveryStatusBadge status={data.status} />
                <span className="text-sm text-muted-foreground">{DELIVERY_STATUS_DESCRIPTIONS[data.status]}</span>
              </div>
              <div className="flex flex-wrap items-center gap-3">
                <Button type="button" size="sm" onClick={resend} disabled={pending}>
                  <RotateCw aria-hidden />
                  Resend
                </Button>
                <span className="text-xs text-muted-foreground">
                  Delivers the same event (same <code>webhook-id</code>) again now, on a fresh retry schedule.
                </span>
              </div>
              <section aria-labelledby="delivery-attempts" className="grid gap-2">
                <h3 id="delivery-attempts" className="font-semibold">
                  Attempts ({data.attempts})
                </h3>
                {data.status === 'pending' &&
                  (!endpointEnabled ? (
                    <p className="text-sm text-muted-foreground">The endpoint is disabled: the next attempt waits until you enable it.</p>
                  ) : (
                    data.nextAttemptAt && (
                      <p className="text-sm text-muted-foreground">
                        Next attempt due <time dateTime={data.nextAttemptAt}>{formatPreciseDateTime(new Date(data.nextAttemptAt))}</time>.
                      </p>
                    )
                  ))}
                {data.attemptLog.length === 0 ? (
                  <p className="text-sm text-muted-foreground">No attempt yet.</p>
                ) : (
                  <ol className="grid gap-3" aria-label="Attempts">
                    {data.attemptLog.map((attempt) => (
                      <AttemptItem key={attempt.number} attempt={attempt} />
                    ))}
                  </ol>
                )}
              </section>
              <section aria-labelledby="delivery-payload" className="grid gap-2">
                <h3 id="delivery-payload" className="font-semibold">
                  Event body <span className="text-xs font-normal text-muted-foreground">(indented here; sent as stored)</span>
                </h3>
                <pre tabIndex={0} aria-label="Event body as sent" className="max-h-[28rem] overflow-auto rounded-md border bg-muted/40 p-3 font-mono text-xs whitespace-pre">
                  {prettyPayload(data.payload)}
                </pre>
              </section>
            </>
          )}
        </div>
      </SheetContent>
    </Sheet>
  );
}
