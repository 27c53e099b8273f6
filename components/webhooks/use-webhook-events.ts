'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import type { DeliveryDetailDto, DeliveryListDto } from '@/lib/webhooks/delivery-page';
import { type DeliveryQuery, deliveryQueryString } from '@/lib/webhooks/delivery-url';

/** New deliveries show up within this long while the page is open. */
const REFRESH_MS = 3_000;

const base = (appId: string) => `/api/apps/${encodeURIComponent(appId)}/webhook-events`;

/** One page of the delivery log, polled while open; `initial` is the server-rendered page of this query. */
export function useWebhookEvents(appId: string, query: DeliveryQuery, initial?: DeliveryListDto) {
  return useQuery({
    queryKey: ['apps', appId, 'webhook-events', query.outcome ?? null, query.eventType ?? null, query.cursor ?? null],
    queryFn: () => fetchJson<DeliveryListDto>(`${base(appId)}${deliveryQueryString(query)}`),
    initialData: initial,
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

/** One delivery in full (headers, payload, signature check); a delivery never changes once logged. */
export function useWebhookEvent(appId: string, deliveryId: string | null) {
  return useQuery({
    queryKey: ['apps', appId, 'webhook-event', deliveryId],
    queryFn: () => fetchJson<DeliveryDetailDto>(`${base(appId)}/${encodeURIComponent(deliveryId!)}`),
    enabled: deliveryId !== null,
    staleTime: Infinity,
  });
}
