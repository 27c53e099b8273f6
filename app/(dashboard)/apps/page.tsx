import { AppWindow } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AppsTable } from '@/components/apps/apps-table';
import { CreateAppDialog } from '@/components/apps/create-app-dialog';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent } from '@/components/ui/card';
import { getDb } from '@/db';
import { listApps } from '@/db/queries/apps';
import { requireMerchant } from '@/lib/auth/session';
import { COUNTRIES } from '@/lib/countries';

export const metadata: Metadata = { title: 'Apps' };

export default async function AppsPage() {
  const merchant = await requireMerchant();
  const apps = await listApps(await getDb(), { merchantId: merchant.id });
  return (
    <div className="grid gap-6">
      <PageHeader title="Apps" description="Each app connects one payment gateway and gets its own API keys.">
        {apps.length > 0 && <CreateAppDialog countries={COUNTRIES} />}
      </PageHeader>
      {apps.length > 0 ? (
        <Card className="py-0">
          <CardContent className="px-0">
            <AppsTable apps={apps} />
          </CardContent>
        </Card>
      ) : (
        <Card>
          <CardContent className="flex flex-col items-center gap-3 py-12 text-center">
            <AppWindow className="size-10 text-muted-foreground" aria-hidden />
            <h2 className="text-lg font-semibold">Create your first app</h2>
            <p className="max-w-sm text-sm text-muted-foreground">
              Register the website or service that will take payments, then connect Razorpay or Cashfree to it.
            </p>
            <CreateAppDialog countries={COUNTRIES} />
          </CardContent>
        </Card>
      )}
      <p className="text-sm text-muted-foreground">
        <Link href="/apps/activity" className="underline underline-offset-4 hover:text-foreground">
          Activity across all your apps
        </Link>
        , deleted ones included.
      </p>
    </div>
  );
}
