import type { DeliveryOutcome } from '@/db/schema';

/** What the Webhook events page shows, as its URL says it: `?outcome=&type=&cursor=`. */
export type DeliveryQuery = { outcome?: DeliveryOutcome; eventType?: string; cursor?: string };

/** The URL search string for a query and, when one is open, the delivery shown in detail. */
export function deliveryQueryString(query: DeliveryQuery & { delivery?: string | null }) {
  const params = new URLSearchParams();
  if (query.outcome) params.set('outcome', query.outcome);
  if (query.eventType) params.set('type', query.eventType);
  if (query.cursor) params.set('cursor', query.cursor);
  if (query.delivery) params.set('delivery', query.delivery);
  const text = params.toString();
  return text ? `?${text}` : '';
}
