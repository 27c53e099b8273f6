import { CircleAlert } from 'lucide-react';
import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { TransactionsView } from '@/components/transactions/transactions-view';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { getDb } from '@/db';
import { hasAnyOrder } from '@/db/queries/transactions';
import { requireOwnedApp } from '@/lib/apps/owned-app';
import { resolveMode } from '@/lib/transactions/default-mode';
import { IST_LABEL } from '@/lib/transactions/ist';
import { loadTransactionPage } from '@/lib/transactions/list-transactions';
import { parseTransactionView } from '@/lib/transactions/view';

type Props = {
  params: Promise<{ appId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { app } = await requireOwnedApp((await params).appId);
  return { title: `Transactions · ${app.name}` };
}

export default async function TransactionsPage({ params, searchParams }: Props) {
  const { app } = await requireOwnedApp((await params).appId);
  // A bad parameter in a shared or hand-edited link is left out (and named), never an error page.
  const { view, issues } = parseTransactionView(await searchParams);
  const db = await getDb();
  const [{ mode, connected }, hasOrders] = await Promise.all([resolveMode(db, { appId: app.id }, view.mode), hasAnyOrder(db, { appId: app.id })]);
  const initial = await loadTransactionPage(db, { appId: app.id, mode, view });
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Transactions"
        description={`${app.name} · orders newest first; days and times in ${IST_LABEL} (India Standard Time)`}
      />
      {issues.length > 0 && (
        <Alert>
          <CircleAlert aria-hidden />
          <AlertTitle>Part of this link was ignored</AlertTitle>
          <AlertDescription>
            <ul className="list-disc pl-4">
              {issues.map((issue) => (
                <li key={issue.param}>
                  <code>{issue.param}</code> {issue.message}
                </li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      )}
      <TransactionsView appId={app.publicId} view={view} initial={initial} connected={connected} hasOrders={hasOrders} />
    </div>
  );
}
