import { CircleAlert, CircleCheck } from 'lucide-react';
import Link from 'next/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { CAUSE_TEXT } from '@/components/webhooks/diagnosis-labels';
import { GATEWAY_LABELS } from '@/components/webhooks/outcome-labels';
import { formatDateTime } from '@/lib/format';
import type { OverviewDto } from '@/lib/overview/load-overview';
import type { LikelyCause } from '@/lib/webhooks/signature-diagnosis';

/** The connection's health: the last verified webhook, and rejections of the last 24 hours. */
export function WebhookHealth({ appId, health }: { appId: string; health: OverviewDto['health'] }) {
  const cause = health?.latestRejection?.likelyCause;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 id="health-title">Connection health</h2>
        </CardTitle>
        <CardDescription>
          {health?.gateway ? `${GATEWAY_LABELS[health.gateway]} webhooks into KS Pay.` : 'No gateway connected yet.'}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {!health ? (
          <Link href={`/apps/${appId}/settings/payment-gateway`} className="text-sm underline underline-offset-4">
            Connect a payment gateway
          </Link>
        ) : (
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <div className="grid gap-1">
              <dt className="text-muted-foreground">Last verified webhook</dt>
              <dd className="flex items-center gap-1.5">
                {health.lastVerifiedAt ? (
                  <>
                    <CircleCheck className="size-4 text-success" aria-hidden />
                    <time dateTime={health.lastVerifiedAt}>{formatDateTime(new Date(health.lastVerifiedAt))}</time>
                  </>
                ) : (
                  'None yet'
                )}
              </dd>
            </div>
            <div className="grid gap-1">
              <dt className="text-muted-foreground">Rejected in the last 24 hours</dt>
              <dd className="grid gap-1">
                <span className="flex items-center gap-1.5">
                  {health.rejected24h > 0 && <CircleAlert className="size-4 text-destructive" aria-hidden />}
                  <span className="font-medium tabular-nums" data-testid="rejected-24h">{health.rejected24h}</span>
                </span>
                {cause && cause in CAUSE_TEXT && (
                  <span className="text-muted-foreground">Latest: {CAUSE_TEXT[cause as LikelyCause].title}</span>
                )}
                {health.rejected24h > 0 && (
                  <Link href={`/apps/${appId}/webhooks?outcome=rejected`} className="underline underline-offset-4">
                    View rejected deliveries
                  </Link>
                )}
              </dd>
            </div>
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
