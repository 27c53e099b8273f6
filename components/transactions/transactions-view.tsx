'use client';

import { ChevronLeft, ChevronRight, Download, RefreshCw } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { TransactionListResponse } from '@/lib/transactions/contract';
import { clearedView, hasFilters, type Mode, type TransactionView, viewSearch } from '@/lib/transactions/view';
import { cn } from '@/lib/utils';
import { ModeSwitch } from './mode-switch';
import { MODE_LABELS } from './status-labels';
import { TransactionFilters } from './transaction-filters';
import { TransactionsTable } from './transactions-table';
import { exportUrl, useTransactions } from './use-transactions';

type Props = {
  appId: string;
  /** The view the URL asks for (its bad parameters already left out). */
  view: TransactionView;
  initial: TransactionListResponse;
  /** Whether a gateway is verified, and whether the app has any order: the empty states' advice. */
  connected: boolean;
  hasOrders: boolean;
};

export function TransactionsView({ appId, view, initial, connected, hasOrders }: Props) {
  const router = useRouter();
  const [navigating, startNavigation] = useTransition();
  const { data, isFetching, isError, error } = useTransactions(appId, view, initial);
  const mode = data.mode;
  const hrefOf = (next: TransactionView) => `/apps/${appId}/transactions${viewSearch(next)}`;
  const show = (next: TransactionView) => startNavigation(() => router.push(hrefOf(next)));
  const page = (cursor: string) => hrefOf({ ...view, mode, cursor });

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ModeSwitch mode={mode} hrefOf={(m: Mode) => hrefOf({ ...view, mode: m, cursor: undefined })} />
        <div className="flex items-center gap-3">
          <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
            <RefreshCw aria-hidden className={cn('size-3', isFetching && 'animate-spin motion-reduce:animate-none')} />
            Updates live
          </p>
          <Button variant="outline" size="sm" asChild>
            <a href={exportUrl(appId, { ...view, mode })} download>
              <Download aria-hidden />
              Export CSV
            </a>
          </Button>
        </div>
      </div>

      <TransactionFilters key={viewSearch(view)} view={{ ...view, mode }} onChange={show} clearHref={hrefOf(clearedView({ mode }))} />

      {isError && (
        <p role="status" className="text-sm text-destructive">
          Could not refresh: {error.message} Showing what was loaded last.
        </p>
      )}

      <section aria-label={`${MODE_LABELS[mode]} transactions`} aria-busy={navigating} className={cn('grid gap-3', navigating && 'opacity-60')}>
        {data.rows.length > 0 ? (
          <TransactionsTable appId={appId} rows={data.rows} />
        ) : (
          <EmptyState appId={appId} mode={mode} filtered={hasFilters(view) || Boolean(view.cursor)} connected={connected} hasOrders={hasOrders} clearHref={hrefOf(clearedView({ mode }))} />
        )}
        {(data.prevCursor || data.nextCursor) && (
          <nav aria-label="Pages" className="flex justify-between gap-2">
            <PageLink href={data.prevCursor && page(data.prevCursor)} label="Newer">
              <ChevronLeft aria-hidden />
            </PageLink>
            <PageLink href={data.nextCursor && page(data.nextCursor)} label="Older" iconAfter>
              <ChevronRight aria-hidden />
            </PageLink>
          </nav>
        )}
      </section>
    </div>
  );
}

function PageLink({ href, label, iconAfter, children }: { href: string | null; label: string; iconAfter?: boolean; children: React.ReactNode }) {
  if (!href) {
    return (
      <Button variant="outline" size="sm" disabled>
        {!iconAfter && children}
        {label}
        {iconAfter && children}
      </Button>
    );
  }
  return (
    <Button variant="outline" size="sm" asChild>
      <Link href={href}>
        {!iconAfter && children}
        {label}
        {iconAfter && children}
      </Link>
    </Button>
  );
}

type EmptyProps = { appId: string; mode: Mode; filtered: boolean; connected: boolean; hasOrders: boolean; clearHref: string };

function EmptyState({ appId, mode, filtered, connected, hasOrders, clearHref }: EmptyProps) {
  const box = 'grid justify-items-center gap-3 rounded-lg border border-dashed p-8 text-center text-sm';
  if (filtered) {
    return (
      <div className={box}>
        <p className="font-medium">No transactions match these filters</p>
        <p className="text-muted-foreground">Search matches whole IDs, receipts and emails exactly. Try fewer filters.</p>
        <Button variant="outline" asChild>
          <Link href={clearHref}>Clear filters</Link>
        </Button>
      </div>
    );
  }
  if (!connected && !hasOrders) {
    return (
      <div className={box}>
        <p className="font-medium">No payment gateway connected yet</p>
        <p className="max-w-prose text-muted-foreground">
          Connect Razorpay or Cashfree: the test order that verifies the connection is your first transaction, and every order
          after it shows up here.
        </p>
        <Button asChild>
          <Link href={`/apps/${appId}/settings/payment-gateway`}>Connect a payment gateway</Link>
        </Button>
      </div>
    );
  }
  return (
    <div className={box}>
      <p className="font-medium">No {MODE_LABELS[mode].toLowerCase()} transactions yet</p>
      <p className="max-w-prose text-muted-foreground">
        Orders made with your {MODE_LABELS[mode].toLowerCase()} credentials appear here as soon as they are created, and their
        payments as the gateway reports them.
      </p>
    </div>
  );
}
