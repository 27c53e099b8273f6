'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import type { OrderProgress } from '@/lib/checkout/phase';

/** The order's status from our server (set by the gateway's webhooks), polled while `polling`. */
export function useOrderProgress(orderId: string, initial: OrderProgress, polling: boolean) {
  return useQuery({
    queryKey: ['checkout', orderId, 'status'],
    queryFn: () => fetchJson<OrderProgress>(`/api/pay/${orderId}/status`),
    initialData: initial,
    refetchInterval: polling ? 1500 : false,
    refetchOnWindowFocus: polling,
  });
}
