'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import type { OrderDetailResponse, OrderEventResponse, TransactionListResponse } from '@/lib/transactions/contract';
import { type TransactionView, viewSearch } from '@/lib/transactions/view';

/** How often an open Transactions page or order asks again: new orders and payments show up by themselves. */
export const REFRESH_MS = 4_000;

const base = (appId: string) => `/api/apps/${encodeURIComponent(appId)}/transactions`;
const transactionsKey = (appId: string) => ['apps', appId, 'transactions'] as const;
const orderKey = (appId: string, orderId: string) => [...transactionsKey(appId), 'order', orderId] as const;

/** The page of the view, starting from what the server rendered, refreshed while the page is open. */
export function useTransactions(appId: string, view: TransactionView, initial: TransactionListResponse) {
  const search = viewSearch(view);
  return useQuery({
    queryKey: [...transactionsKey(appId), 'list', search],
    queryFn: () => fetchJson<TransactionListResponse>(`${base(appId)}${search}`),
    initialData: initial,
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

export const exportUrl = (appId: string, view: TransactionView) => `${base(appId)}/export${viewSearch({ ...view, cursor: undefined })}`;

export function useOrderDetail(appId: string, orderId: string, initial: OrderDetailResponse) {
  return useQuery({
    queryKey: orderKey(appId, orderId),
    queryFn: () => fetchJson<OrderDetailResponse>(`${base(appId)}/${encodeURIComponent(orderId)}`),
    initialData: initial,
    refetchInterval: REFRESH_MS,
  });
}

/** One delivery's raw payload, fetched when its dialog opens. */
export function useOrderEvent(appId: string, orderId: string, eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...orderKey(appId, orderId), 'event', eventId],
    queryFn: () =>
      fetchJson<OrderEventResponse>(`${base(appId)}/${encodeURIComponent(orderId)}/events/${encodeURIComponent(eventId)}`),
    enabled,
    staleTime: Infinity,
  });
}

/** Asks for the order again now (after a sync), instead of at the next refresh. */
export function useRefreshOrder(appId: string, orderId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: orderKey(appId, orderId) });
}
