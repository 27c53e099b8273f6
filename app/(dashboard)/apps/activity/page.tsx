import type { Metadata } from 'next';
import { ActivityTable } from '@/components/activity/activity-table';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent } from '@/components/ui/card';
import { getDb } from '@/db';
import { listAudit } from '@/db/queries/audit';
import { requireMerchant } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Activity' };

const LIMIT = 500;

export default async function AccountActivityPage() {
  const merchant = await requireMerchant();
  const entries = await listAudit(await getDb(), { merchantId: merchant.id, limit: LIMIT });
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Activity"
        description={`Every change to your apps, deleted apps included: who made it, when (UTC) and from which IP address.${
          entries.length === LIMIT ? ` The latest ${LIMIT} are shown.` : ''
        }`}
      />
      <Card>
        <CardContent>
          {entries.length > 0 ? (
            <ActivityTable entries={entries} showApp />
          ) : (
            <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">No activity yet.</p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
