import type { Metadata } from 'next';
import { ActivityTable } from '@/components/activity/activity-table';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { listAudit } from '@/db/queries/audit';
import { requireOwnedApp } from '@/lib/apps/owned-app';

const LIMIT = 200;

type Props = { params: Promise<{ appId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { app } = await requireOwnedApp((await params).appId);
  return { title: `Activity · ${app.name}` };
}

export default async function ActivityPage({ params }: Props) {
  const { merchant, app } = await requireOwnedApp((await params).appId);
  const entries = await listAudit(await getDb(), { merchantId: merchant.id, publicId: app.publicId, limit: LIMIT });
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Activity</h2>
        </CardTitle>
        <CardDescription>
          Changes to this app’s payment gateway, API keys and webhook endpoints: who made them, when (UTC) and from which IP address.
          {entries.length === LIMIT && ` The latest ${LIMIT} are shown.`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {entries.length > 0 ? (
          <ActivityTable entries={entries} />
        ) : (
          <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">
            No activity yet. Submitting credentials, verifying them, managing API keys and webhook endpoints will show up here.
          </p>
        )}
      </CardContent>
    </Card>
  );
}
