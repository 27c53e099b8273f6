import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EndpointDetailView } from '@/components/outbound-webhooks/endpoint-detail-view';
import { getDb } from '@/db';
import { getEndpoint } from '@/db/queries/merchant-webhook-endpoints';
import { requireOwnedApp } from '@/lib/apps/owned-app';
import { isEndpointId, isEventId } from '@/lib/outbound-webhooks/catalogue';
import { loadEndpointDeliveries } from '@/lib/outbound-webhooks/delivery-log';
import { parseDeliveryLogQuery } from '@/lib/outbound-webhooks/delivery-log-query';
import { endpointView } from '@/lib/outbound-webhooks/endpoint-view';

type Props = {
  params: Promise<{ appId: string; endpointId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { app } = await requireOwnedApp((await params).appId);
  return { title: `Webhook endpoint · ${app.name}` };
}

export default async function EndpointPage({ params, searchParams }: Props) {
  const { appId, endpointId } = await params;
  const { app } = await requireOwnedApp(appId);
  // A malformed id, or another app's endpoint, is the same not-found page.
  if (!isEndpointId(endpointId)) notFound();
  const db = await getDb();
  const endpoint = await getEndpoint(db, { appId: app.id, id: endpointId });
  if (!endpoint) notFound();
  const search = await searchParams;
  const { query, before, errors } = parseDeliveryLogQuery(search);
  const delivery = typeof search.delivery === 'string' && isEventId(search.delivery) ? search.delivery : null;
  const page = await loadEndpointDeliveries(db, endpoint.id, query, before);
  return (
    <EndpointDetailView
      appId={app.publicId}
      initialQuery={query}
      initial={{ endpoint: endpointView(endpoint), ...page }}
      initialDelivery={delivery}
      notice={errors.length ? `Part of the link was ignored: ${errors.join(' ')}` : null}
    />
  );
}
