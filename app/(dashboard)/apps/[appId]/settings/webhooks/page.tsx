import { CircleAlert } from 'lucide-react';
import type { Metadata } from 'next';
import { AddEndpointDialog } from '@/components/outbound-webhooks/endpoint-dialogs';
import { EndpointsTable } from '@/components/outbound-webhooks/endpoints-table';
import { ModeSwitch } from '@/components/transactions/mode-switch';
import { MODE_LABELS } from '@/components/transactions/status-labels';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { listEndpoints } from '@/db/queries/merchant-webhook-endpoints';
import { requireOwnedApp } from '@/lib/apps/owned-app';
import { endpointView } from '@/lib/outbound-webhooks/endpoint-view';
import { parseOverviewMode } from '@/lib/overview/overview-mode';
import { resolveMode } from '@/lib/transactions/default-mode';

type Props = { params: Promise<{ appId: string }>; searchParams: Promise<{ mode?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { app } = await requireOwnedApp((await params).appId);
  return { title: `Webhooks to your server · ${app.name}` };
}

export default async function OutboundWebhooksPage({ params, searchParams }: Props) {
  const { app } = await requireOwnedApp((await params).appId);
  const db = await getDb();
  // Without (or with a bad) ?mode=, the mode of the credentials in use.
  const asked = parseOverviewMode((await searchParams).mode);
  const { mode } = await resolveMode(db, { appId: app.id }, asked.mode);
  const endpoints = (await listEndpoints(db, { appId: app.id, mode })).map(endpointView);
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Webhooks to your server</h2>
        </CardTitle>
        <CardDescription>
          KS Pay tells your backend when an order is paid, fails or is refunded: a signed POST (Standard Webhooks) to each endpoint, retried
          for days until your server answers 2xx. Treat these, not the browser, as the final word on a payment.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {asked.error && (
          <Alert>
            <CircleAlert aria-hidden />
            <AlertDescription>
              <code>mode</code> is test or live: showing {MODE_LABELS[mode].toLowerCase()} mode.
            </AlertDescription>
          </Alert>
        )}
        <div className="flex flex-wrap items-center justify-between gap-3">
          <ModeSwitch mode={mode} hrefOf={(m) => `/apps/${app.publicId}/settings/webhooks?mode=${m}`} />
          <AddEndpointDialog key={mode} appId={app.publicId} mode={mode} />
        </div>
        {endpoints.length > 0 ? (
          <EndpointsTable appId={app.publicId} endpoints={endpoints} />
        ) : (
          <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">
            No {mode} endpoints yet. Add the URL of a route on your server; {mode === 'live' ? 'live endpoints need https.' : 'test endpoints get test-mode events only.'}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
