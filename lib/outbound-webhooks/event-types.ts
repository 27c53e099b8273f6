import type { MerchantEventType } from '@/db/schema';

// Client-safe: the Settings form lists these (catalogue.ts, which makes ids, is server-only).

/** The events a merchant's endpoint can subscribe to, as the dashboard and the API list them. */
export const SUBSCRIBABLE_EVENTS = [
  'order.paid',
  'order.failed',
  'order.refunded',
  'order.partially_refunded',
  'payment.captured',
  'payment.failed',
  'refund.processed',
] as const satisfies readonly MerchantEventType[];

export type SubscribableEvent = (typeof SUBSCRIBABLE_EVENTS)[number];

export const EVENT_DESCRIPTIONS: Record<MerchantEventType, string> = {
  'order.paid': 'A payment for the order was captured: fulfil it.',
  'order.failed': 'Every payment attempt for the order failed.',
  'order.refunded': 'The order was refunded in full.',
  'order.partially_refunded': 'Part of the order was refunded.',
  'payment.captured': 'A payment was captured.',
  'payment.failed': 'A payment attempt failed (the customer may try again).',
  'refund.processed': 'A refund reached the customer.',
  'webhook.test': 'Sent from the dashboard to check the endpoint.',
};
