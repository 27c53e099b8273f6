import type { Metadata } from 'next';
import Link from 'next/link';
import { OnboardingChecklist } from '@/components/apps/onboarding-checklist';
import { CopyButton } from '@/components/copy-button';
import { OverviewView } from '@/components/overview/overview-view';
import { QueryProvider } from '@/components/query-provider';
import { LatestTransactions } from '@/components/transactions/latest-transactions';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { requireOwnedApp } from '@/lib/apps/owned-app';
import { countryName } from '@/lib/countries';
import { formatDateTime } from '@/lib/format';
import { loadStepStatuses } from '@/lib/gateway-connections/view';
import { loadOverview } from '@/lib/overview/load-overview';
import { parseOverviewMode } from '@/lib/overview/overview-mode';
import { loadTransactionPage } from '@/lib/transactions/list-transactions';

type Props = { params: Promise<{ appId: string }>; searchParams: Promise<{ mode?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { app } = await requireOwnedApp((await params).appId);
  return { title: app.name };
}

export default async function AppOverviewPage({ params, searchParams }: Props) {
  const { app } = await requireOwnedApp((await params).appId);
  const db = await getDb();
  // A mode that is neither test nor live is ignored: the connection's current one is shown.
  const { mode } = parseOverviewMode((await searchParams).mode);
  const [statuses, overview] = await Promise.all([loadStepStatuses(db, app), loadOverview(db, app, mode)]);
  const latest = await loadTransactionPage(db, { appId: app.id, mode: overview.mode, view: { mode: overview.mode } });
  return (
    <div className="grid gap-6">
      <PageHeader title={app.name} description="App Overview">
        <Button variant="outline" asChild>
          <Link href={`/apps/${app.publicId}/settings`}>Settings</Link>
        </Button>
      </PageHeader>
      <QueryProvider>
        <OverviewView appId={app.publicId} initial={overview} initialMode={mode ?? null} />
        <LatestTransactions key={overview.mode} appId={app.publicId} initial={latest} />
      </QueryProvider>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Details</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <div className="grid gap-1">
              <dt className="text-muted-foreground">App ID</dt>
              <dd className="flex items-center gap-1 font-mono">
                {app.publicId}
                <CopyButton value={app.publicId} label="Copy App ID" />
              </dd>
            </div>
            <div className="grid gap-1">
              <dt className="text-muted-foreground">App Name</dt>
              <dd>{app.name}</dd>
            </div>
            <div className="grid gap-1">
              <dt className="text-muted-foreground">Email</dt>
              <dd>{app.email}</dd>
            </div>
            <div className="grid gap-1">
              <dt className="text-muted-foreground">Country</dt>
              <dd>{countryName(app.country)}</dd>
            </div>
            <div className="grid gap-1">
              <dt className="text-muted-foreground">Created</dt>
              <dd>
                <time dateTime={app.createdAt.toISOString()}>{formatDateTime(app.createdAt)}</time>
              </dd>
            </div>
          </dl>
        </CardContent>
      </Card>
      <OnboardingChecklist appId={app.publicId} statuses={statuses} />
    </div>
  );
}
