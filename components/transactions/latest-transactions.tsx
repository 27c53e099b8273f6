'use client';

import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { TransactionListResponse } from '@/lib/transactions/contract';
import { MODE_LABELS } from './status-labels';
import { TransactionsTable } from './transactions-table';
import { useTransactions } from './use-transactions';

const SHOWN = 5;

/**
 * The App Overview's "Latest transactions": the newest orders of one mode, refreshed while the page
 * is open. Needs a QueryProvider above it; `initial` is the server's first page for `{ mode }`
 * (`loadTransactionPage(db, { appId, mode, view: { mode } })`).
 */
export function LatestTransactions({ appId, initial }: { appId: string; initial: TransactionListResponse }) {
  const { data } = useTransactions(appId, { mode: initial.mode }, initial);
  const rows = data.rows.slice(0, SHOWN);
  const href = `/apps/${appId}/transactions?mode=${data.mode}`;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Latest transactions</h2>
        </CardTitle>
        <CardDescription>{MODE_LABELS[data.mode]} mode, newest first.</CardDescription>
        <CardAction>
          <Button variant="outline" size="sm" asChild>
            <Link href={href}>View all</Link>
          </Button>
        </CardAction>
      </CardHeader>
      <CardContent>
        {rows.length > 0 ? (
          <TransactionsTable appId={appId} rows={rows} />
        ) : (
          <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">
            No {MODE_LABELS[data.mode].toLowerCase()} transactions yet.
          </p>
        )}
      </CardContent>
    </Card>
  );
}
