'use client';

import { ChevronLeft, ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { DeliveryOutcome } from '@/db/schema';
import type { DeliveryListDto } from '@/lib/webhooks/delivery-page';
import { DELIVERY_OUTCOMES, EVENT_TYPES } from '@/lib/webhooks/delivery-outcomes';
import { type DeliveryQuery, deliveryQueryString } from '@/lib/webhooks/delivery-url';
import { DeliveryFilters } from './delivery-filters';
import { DeliverySheet } from './delivery-sheet';
import { DeliveryTable } from './delivery-table';
import { useWebhookEvents } from './use-webhook-events';

type Props = {
  appId: string;
  gateway: 'razorpay' | 'cashfree' | null;
  /** The query the server rendered `initial` for (the URL's, minus anything invalid). */
  initialQuery: DeliveryQuery;
  initial: DeliveryListDto;
  /** The delivery open in detail (`?delivery=`), if any. */
  initialDelivery: string | null;
  /** Why part of the URL was ignored, if it was. */
  notice: string | null;
};

type View = { query: DeliveryQuery; delivery: string | null };

/** The view a history entry's URL holds (entries this page pushed: valid by construction). */
function readView(params: URLSearchParams): View {
  const outcome = params.get('outcome');
  return {
    query: {
      outcome: (DELIVERY_OUTCOMES as readonly string[]).includes(outcome ?? '') ? (outcome as DeliveryOutcome) : undefined,
      eventType: params.get('type') || undefined,
      cursor: params.get('cursor') || undefined,
    },
    delivery: params.get('delivery'),
  };
}

const sameQuery = (a: DeliveryQuery, b: DeliveryQuery) =>
  (a.outcome ?? null) === (b.outcome ?? null) && (a.eventType ?? null) === (b.eventType ?? null) && (a.cursor ?? null) === (b.cursor ?? null);

export function WebhookEventsView({ appId, gateway, initialQuery, initial, initialDelivery, notice }: Props) {
  const pathname = usePathname();
  // The view starts as the server rendered it (invalid parts of the URL dropped) and then follows
  // this page's own history entries.
  const [{ query, delivery }, setView] = useState<View>({ query: initialQuery, delivery: initialDelivery });
  const { data, error, isFetching } = useWebhookEvents(appId, query, sameQuery(query, initialQuery) ? initial : undefined);

  // pushState keeps the view in the URL (shareable, Back works) without a server round trip.
  const go = (next: DeliveryQuery & { delivery?: string | null }) => {
    window.history.pushState(null, '', `${pathname}${deliveryQueryString(next)}`);
    setView({ query: { outcome: next.outcome, eventType: next.eventType, cursor: next.cursor }, delivery: next.delivery ?? null });
  };
  useEffect(() => {
    if (notice) window.history.replaceState(null, '', `${pathname}${deliveryQueryString({ ...initialQuery, delivery: initialDelivery })}`);
    const onPopState = () => setView(readView(new URLSearchParams(window.location.search)));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [notice, pathname, initialQuery, initialDelivery]);

  const eventTypes = gateway ? EVENT_TYPES[gateway] : [...EVENT_TYPES.razorpay, ...EVENT_TYPES.cashfree];
  const filtered = Boolean(query.outcome || query.eventType);
  const deliveries = data?.deliveries ?? [];
  return (
    <div className="grid gap-4">
      {notice && (
        <p role="status" className="rounded-md border border-warning/50 p-3 text-sm">
          {notice}
        </p>
      )}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <DeliveryFilters query={query} eventTypes={eventTypes} onChange={(next) => go(next)} />
        <p className="text-xs text-muted-foreground" aria-live="polite">
          {error ? `Could not refresh: ${error.message}` : isFetching ? 'Refreshing…' : 'Live: new deliveries appear as they arrive.'}
        </p>
      </div>
      {deliveries.length > 0 ? (
        <DeliveryTable appId={appId} deliveries={deliveries} onOpen={(id) => go({ ...query, delivery: id })} />
      ) : (
        <div className="grid justify-items-center gap-2 rounded-md border border-dashed p-8 text-center text-sm text-muted-foreground">
          {filtered ? (
            <>
              <p>No deliveries match these filters.</p>
              <Button type="button" variant="outline" size="sm" onClick={() => go({})}>
                Clear filters
              </Button>
            </>
          ) : query.cursor ? (
            <p>No deliveries on this page.</p>
          ) : (
            <>
              <p>No deliveries yet. Every webhook the gateway sends to this app appears here as it arrives, accepted or not.</p>
              <Link href={`/apps/${appId}/settings/payment-gateway#webhook`} className="text-foreground underline underline-offset-4">
                Set up the webhook
              </Link>
            </>
          )}
        </div>
      )}
      <nav aria-label="Pages" className="flex flex-wrap items-center justify-end gap-2">
        {query.cursor && (
          <Button type="button" variant="ghost" size="sm" onClick={() => go({ ...query, cursor: undefined })}>
            Newest
          </Button>
        )}
        <Button type="button" variant="outline" size="sm" disabled={!data?.newerCursor} onClick={() => go({ ...query, cursor: data?.newerCursor ?? undefined })}>
          <ChevronLeft aria-hidden />
          Newer
        </Button>
        <Button type="button" variant="outline" size="sm" disabled={!data?.olderCursor} onClick={() => go({ ...query, cursor: data?.olderCursor ?? undefined })}>
          Older
          <ChevronRight aria-hidden />
        </Button>
      </nav>
      <DeliverySheet appId={appId} deliveryId={delivery} onClose={() => go(query)} />
    </div>
  );
}
