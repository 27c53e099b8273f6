import type { Metadata } from 'next';
import { QueryProvider } from '@/components/query-provider';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent } from '@/components/ui/card';
import { WebhookEventsView } from '@/components/webhooks/webhook-events-view';
import { getDb } from '@/db';
import { getConnection, getCredentials } from '@/db/queries/gateway-connections';
import { requireOwnedApp } from '@/lib/apps/owned-app';
import { loadDeliveryPage } from '@/lib/webhooks/delivery-page';
import { parseDeliveryQuery } from '@/lib/webhooks/delivery-query';

export const metadata: Metadata = { title: 'Webhook events' };

type Props = { params: Promise<{ appId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WebhookEventsPage({ params, searchParams }: Props) {
  const { app } = await requireOwnedApp((await params).appId);
  const db = await getDb();
  const search = await searchParams;
  const { query, page, errors } = parseDeliveryQuery(search);
  // The detail sheet's delivery: looked up by the app's own API, so any string is harmless; bounded.
  const delivery = typeof search.delivery === 'string' && /^[0-9a-f-]{36}$/.test(search.delivery) ? search.delivery : null;
  const connection = await getConnection(db, { appId: app.id });
  const credentialsId = connection?.verifiedCredentialsId ?? connection?.currentCredentialsId;
  const [initial, credentials] = await Promise.all([
    loadDeliveryPage(db, app.id, query, page),
    connection && credentialsId ? getCredentials(db, { connectionId: connection.id, credentialsId }) : null,
  ]);
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Webhook events"
        description={`Every delivery the gateway sent to ${app.name}, newest first (times in UTC): applied, duplicate, stale, ignored or rejected, and why.`}
      />
      <Card>
        <CardContent>
          <QueryProvider>
            <WebhookEventsView
              appId={app.publicId}
              gateway={credentials?.gateway ?? null}
              initialQuery={query}
              initial={initial}
              initialDelivery={delivery}
              notice={errors.length ? `Part of the link was ignored: ${errors.join(' ')}` : null}
            />
          </QueryProvider>
        </CardContent>
      </Card>
    </div>
  );
}
