import type { MerchantEventType } from '@/db/schema';
import { SUBSCRIBABLE_EVENTS } from './event-types';

// Client-safe: the endpoint page builds its URLs and filters with these.

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Every type an endpoint can have been sent: its subscriptions, and the dashboard's test event. */
export const DELIVERY_EVENT_TYPES: readonly MerchantEventType[] = [...SUBSCRIBABLE_EVENTS, 'webhook.test'];

/** What an endpoint's delivery log shows, as its URL says it: `?status=&type=&cursor=`. */
export type DeliveryLogQuery = { status?: DeliveryStatus; eventType?: MerchantEventType; cursor?: string };

/** The URL search string of a query and, when one is open, the delivery shown in detail. */
export function deliveryLogSearch(query: DeliveryLogQuery & { delivery?: string | null }) {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.eventType) params.set('type', query.eventType);
  if (query.cursor) params.set('cursor', query.cursor);
  if (query.delivery) params.set('delivery', query.delivery);
  const text = params.toString();
  return text ? `?${text}` : '';
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** The view a history entry's URL holds (entries the page pushed itself: valid by construction). */
export function readDeliveryLogView(params: URLSearchParams) {
  return {
    query: {
      status: oneOf(DELIVERY_STATUSES, params.get('status')),
      eventType: oneOf(DELIVERY_EVENT_TYPES, params.get('type')),
      cursor: params.get('cursor') || undefined,
    } satisfies DeliveryLogQuery,
    delivery: params.get('delivery'),
  };
}
