'use client';

import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { OrderDetailResponse } from '@/lib/transactions/contract';
import { OrderFacts } from './order-facts';
import { OrderPayments } from './order-payments';
import { OrderTimeline } from './order-timeline';
import { OrderStatusBadge } from './status-badges';
import { SyncOrderButton } from './sync-order-button';
import { useOrderDetail } from './use-transactions';

type Props = { appId: string; initial: OrderDetailResponse };

/** An order as it is now: refreshed while open, so payments and webhooks show up by themselves. */
export function OrderDetailView({ appId, initial }: Props) {
  const { data, isError, error } = useOrderDetail(appId, initial.order.id, initial);
  const { order } = data;
  return (
    <div className="grid gap-6">
      <div className="grid gap-3">
        <Link
          href={`/apps/${appId}/transactions?mode=${order.mode}`}
          className="flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
        >
          <ArrowLeft aria-hidden className="size-4" />
          Transactions
        </Link>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="grid gap-1">
            <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
              <span className="tabular-nums">{order.amountLabel}</span>
              <span data-testid="order-status">
                <OrderStatusBadge status={order.status} />
              </span>
            </h1>
            <p className="font-mono text-sm break-all text-muted-foreground">{order.id}</p>
          </div>
          <SyncOrderButton appId={appId} orderId={order.id} gateway={order.gateway} />
        </div>
        {isError && (
          <p role="status" className="text-sm text-destructive">
            Could not refresh: {error.message}
          </p>
        )}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Order</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <OrderFacts order={order} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Payments and refunds</h2>
          </CardTitle>
          <CardDescription>Each attempt as the gateway last reported it.</CardDescription>
        </CardHeader>
        <CardContent>
          <OrderPayments payments={data.payments} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Timeline</h2>
          </CardTitle>
          <CardDescription>Every webhook and sync that named this order, oldest first, with what it did.</CardDescription>
        </CardHeader>
        <CardContent>
          <OrderTimeline appId={appId} orderId={order.id} events={data.timeline} truncated={data.timelineTruncated} />
        </CardContent>
      </Card>
    </div>
  );
}
