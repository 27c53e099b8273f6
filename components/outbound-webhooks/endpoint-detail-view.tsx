'use client';

import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { MODE_LABELS } from '@/components/transactions/status-labels';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDateTime } from '@/lib/format';
import { type DeliveryLogQuery, deliveryLogSearch, readDeliveryLogView } from '@/lib/outbound-webhooks/delivery-log-url';
import { EVENT_DESCRIPTIONS, SUBSCRIBABLE_EVENTS } from '@/lib/outbound-webhooks/event-types';
import { DeliveriesTable } from './deliveries-table';
import { DeliveryFilters } from './delivery-filters';
import { DeliverySheet } from './delivery-sheet';
import { DeleteEndpointDialog, EnableButton, SendTestEventButton } from './endpoint-actions';
import { EditEndpointDialog } from './endpoint-dialogs';
import { EndpointSecret } from './endpoint-secret';
import { EndpointStatus } from './endpoint-status';
import { RecoverDialog } from './recover-dialog';
import { type EndpointDeliveriesDto, useEndpointDeliveries, useRefreshEndpoint } from './use-endpoint-deliveries';

type Props = {
  appId: string;
  initialQuery: DeliveryLogQuery;
  initial: EndpointDeliveriesDto;
  /** The delivery open in detail (`?delivery=`), if any. */
  initialDelivery: string | null;
  /** Why part of the URL was ignored, if it was. */
  notice: string | null;
};

type View = { query: DeliveryLogQuery; delivery: string | null };

const sameQuery = (a: DeliveryLogQuery, b: DeliveryLogQuery) =>
  (a.status ?? null) === (b.status ?? null) && (a.eventType ?? null) === (b.eventType ?? null) && (a.cursor ?? null) === (b.cursor ?? null);

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm break-all">{children}</dd>
    </div>
  );
}

/** An endpoint's page: its details and secret, and its delivery log, refreshed while open. */
export function EndpointDetailView({ appId, initialQuery, initial, initialDelivery, notice }: Props) {
  const pathname = usePathname();
  const [{ query, delivery }, setView] = useState<View>({ query: initialQuery, delivery: initialDelivery });
  const { data = initial, error, isFetching } = useEndpointDeliveries(appId, initial.endpoint.id, query, sameQuery(query, initialQuery) ? initial : undefined);
  const refresh = useRefreshEndpoint(appId, initial.endpoint.id);
  const endpoint = data.endpoint;

  // pushState keeps the view in the URL (shareable, Back works) without a server round trip.
  const go = (next: DeliveryLogQuery & { delivery?: string | null }) => {
    window.history.pushState(null, '', `${pathname}${deliveryLogSearch(next)}`);
    setView({ query: { status: next.status, eventType: next.eventType, cursor: next.cursor }, delivery: next.delivery ?? null });
  };
  useEffect(() => {
    if (notice) window.history.replaceState(null, '', `${pathname}${deliveryLogSearch({ ...initialQuery, delivery: initialDelivery })}`);
    const onPopState = () => setView(readDeliveryLogView(new URLSearchParams(window.location.search)));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [notice, pathname, initialQuery, initialDelivery]);

  const allEvents = SUBSCRIBABLE_EVENTS.every((type) => endpoint.events.includes(type));
  const filtered = Boolean(query.status || query.eventType);
  return (
    <div className="grid gap-6">
      <div>
        <Button variant="ghost" size="sm" asChild>
          <Link href={`/apps/${appId}/settings/webhooks?mode=${endpoint.mode}`}>
            <ArrowLeft aria-hidden />
            All endpoints
          </Link>
        </Button>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2 className="font-mono text-base break-all">{endpoint.url}</h2>
          </CardTitle>
          <CardDescription>{endpoint.description ?? `${MODE_LABELS[endpoint.mode]} mode endpoint`}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <dl className="grid gap-4 sm:grid-cols-3">
            <Fact label="Status">
              <EndpointStatus endpoint={endpoint} />
            </Fact>
            <Fact label="Mode">{MODE_LABELS[endpoint.mode]}</Fact>
            <Fact label="Created">
              <time dateTime={endpoint.createdAt}>{formatDateTime(new Date(endpoint.createdAt))}</time>
            </Fact>
            <div className="grid gap-1 sm:col-span-3">
              <dt className="text-xs text-muted-foreground">Events</dt>
              <dd>
                {allEvents && <p className="mb-1 text-sm">All events</p>}
                <ul className="flex flex-wrap gap-2">
                  {endpoint.events.map((type) => (
                    <li key={type} title={EVENT_DESCRIPTIONS[type]}>
                      <code className="rounded bg-muted px-1.5 py-0.5 text-xs">{type}</code>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            <div className="grid gap-1 sm:col-span-3">
              <dt className="text-xs text-muted-foreground">Endpoint ID</dt>
              <dd className="font-mono text-xs">{endpoint.id}</dd>
            </div>
          </dl>
          <div className="flex flex-wrap gap-2">
            <SendTestEventButton appId={appId} endpoint={endpoint} onChanged={refresh} />
            <EditEndpointDialog key={`${endpoint.url} ${endpoint.events.join()} ${endpoint.description}`} appId={appId} endpoint={endpoint} onSaved={refresh} />
            <EnableButton appId={appId} endpoint={endpoint} onChanged={refresh} />
            <DeleteEndpointDialog appId={appId} endpoint={endpoint} backToList />
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Signing secret</h2>
          </CardTitle>
          <CardDescription>
            Every request carries <code>webhook-id</code>, <code>webhook-timestamp</code> and <code>webhook-signature</code> (Standard
            Webhooks, HMAC-SHA256). Verify it with <code>ksPay.webhooks.verify</code> before trusting the body.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <EndpointSecret appId={appId} endpoint={endpoint} onRotated={refresh} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Deliveries</h2>
          </CardTitle>
          <CardDescription>Every event sent to this endpoint, newest first (times in UTC), with each attempt and your server’s answer.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {notice && (
            <p role="status" className="rounded-md border border-warning/50 p-3 text-sm">
              {notice}
            </p>
          )}
          <div className="flex flex-wrap items-end justify-between gap-3">
            <DeliveryFilters query={query} onChange={(next) => go(next)} />
            <RecoverDialog appId={appId} endpointId={endpoint.id} failingSince={endpoint.failingSince} onRecovered={refresh} />
          </div>
          <p className="text-xs text-muted-foreground" aria-live="polite">
            {error ? `Could not refresh: ${error.message}` : isFetching ? 'Refreshing…' : 'Live: attempts appear as they happen.'}
          </p>
          {data.deliveries.length > 0 ? (
            <DeliveriesTable deliveries={data.deliveries} endpointEnabled={endpoint.enabled} onOpen={(eventId) => go({ ...query, delivery: eventId })} />
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
                <p>No deliveries yet. Send a test event, or take a {endpoint.mode} payment: each event appears here as it is sent.</p>
              )}
            </div>
          )}
          <nav aria-label="Pages" className="flex flex-wrap items-center justify-end gap-2">
            {query.cursor && (
              <Button type="button" variant="ghost" size="sm" onClick={() => go({ ...query, cursor: undefined })}>
                Newest
              </Button>
            )}
            <Button type="button" variant="outline" size="sm" disabled={!data.olderCursor} onClick={() => go({ ...query, cursor: data.olderCursor ?? undefined })}>
              Older
            </Button>
          </nav>
        </CardContent>
      </Card>
      <DeliverySheet appId={appId} endpointId={endpoint.id} endpointEnabled={endpoint.enabled} eventId={delivery} onClose={() => go(query)} onResent={refresh} />
    </div>
  );
}
