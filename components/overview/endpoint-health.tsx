import { CircleAlert, CircleCheck } from 'lucide-react';
import Link from 'next/link';
import { EndpointStatus } from '@/components/outbound-webhooks/endpoint-status';
import { MODE_LABELS } from '@/components/transactions/status-labels';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { OverviewDto } from '@/lib/overview/load-overview';

/** KS Pay's webhooks to the merchant's server: endpoints failing, or disabled by failures, in either mode. */
export function EndpointHealth({ appId, endpoints }: { appId: string; endpoints: OverviewDto['endpoints'] }) {
  const settings = `/apps/${appId}/settings/webhooks`;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 id="endpoint-health-title">Webhooks to your server</h2>
        </CardTitle>
        <CardDescription>KS Pay’s signed events to your endpoints, test and live.</CardDescription>
      </CardHeader>
      <CardContent>
        {endpoints.total === 0 ? (
          <p className="text-sm text-muted-foreground">
            No endpoints yet.{' '}
            <Link href={settings} className="text-foreground underline underline-offset-4">
              Add one
            </Link>{' '}
            so your backend learns when orders are paid.
          </p>
        ) : endpoints.failing.length === 0 ? (
          <p className="flex items-center gap-1.5 text-sm">
            <CircleCheck className="size-4 text-success" aria-hidden />
            {endpoints.total === 1 ? 'Your endpoint is delivering.' : `All ${endpoints.total} endpoints are delivering.`}
          </p>
        ) : (
          <ul aria-labelledby="endpoint-health-title" className="grid gap-3">
            {endpoints.failing.map((endpoint) => (
              <li key={endpoint.id} className="flex flex-wrap items-start justify-between gap-3 rounded-md border p-3">
                <div className="grid min-w-0 gap-1">
                  <span className="flex items-center gap-1.5 text-sm">
                    <CircleAlert className="size-4 shrink-0 text-destructive" aria-hidden />
                    <Link href={`${settings}/${endpoint.id}`} className="truncate font-mono text-xs underline underline-offset-4" title={endpoint.url}>
                      {endpoint.url}
                    </Link>
                  </span>
                  <span className="text-xs text-muted-foreground">{MODE_LABELS[endpoint.mode]} mode</span>
                </div>
                <EndpointStatus endpoint={endpoint} />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
