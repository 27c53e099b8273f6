'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import type { EndpointDeliveryDetailDto, EndpointDeliveryDto } from '@/lib/outbound-webhooks/delivery-log';
import { type DeliveryLogQuery, deliveryLogSearch } from '@/lib/outbound-webhooks/delivery-log-url';
import type { EndpointView } from '@/lib/outbound-webhooks/endpoint-view';

/** Attempts show up within this long while the page is open. */
const REFRESH_MS = 2_000;

export type EndpointDeliveriesDto = { endpoint: EndpointView; deliveries: EndpointDeliveryDto[]; olderCursor: string | null };

const base = (appId: string, endpointId: string) =>
  `/api/apps/${encodeURIComponent(appId)}/webhook-endpoints/${encodeURIComponent(endpointId)}/deliveries`;
const keyOf = (appId: string, endpointId: string) => ['apps', appId, 'webhook-endpoints', endpointId] as const;

/** The endpoint and one page of its deliveries, polled while open; `initial` is the server-rendered page of this query. */
export function useEndpointDeliveries(appId: string, endpointId: string, query: DeliveryLogQuery, initial?: EndpointDeliveriesDto) {
  return useQuery({
    queryKey: [...keyOf(appId, endpointId), 'deliveries', query.status ?? null, query.eventType ?? null, query.cursor ?? null],
    queryFn: () => fetchJson<EndpointDeliveriesDto>(`${base(appId, endpointId)}${deliveryLogSearch(query)}`),
    initialData: initial,
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

/** One delivery with its attempts; polled while it is still pending. */
export function useEndpointDelivery(appId: string, endpointId: string, eventId: string | null) {
  return useQuery({
    queryKey: [...keyOf(appId, endpointId), 'delivery', eventId],
    queryFn: () => fetchJson<EndpointDeliveryDetailDto>(`${base(appId, endpointId)}/${encodeURIComponent(eventId!)}`),
    enabled: eventId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? REFRESH_MS : false),
  });
}

/** After an action on the endpoint: its page and deliveries are fetched again at once. */
export function useRefreshEndpoint(appId: string, endpointId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keyOf(appId, endpointId) });
}
