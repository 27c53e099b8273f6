import type { MerchantEventType } from '@/db/schema';
import { randomBase62 } from '@/lib/ids';

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

export const EVENT_ID = /^evt_[0-9A-Za-z]{24}$/;
export const ENDPOINT_ID = /^we_[0-9A-Za-z]{24}$/;
export const newEventId = () => `evt_${randomBase62(24)}`;
export const isEventId = (value: string) => EVENT_ID.test(value);
export const newEndpointId = () => `we_${randomBase62(24)}`;
export const isEndpointId = (value: string) => ENDPOINT_ID.test(value);

/** An event as stored in the outbox: the envelope's text is the body of every attempt. */
export interface OutboxEvent {
  id: string;
  type: MerchantEventType;
  mode: 'test' | 'live';
  payload: string;
}

/** The versioned envelope: `{ id, type, created, mode, data: { object } }`. */
export function envelope(type: MerchantEventType, mode: 'test' | 'live', object: unknown, at: Date): OutboxEvent {
  const id = newEventId();
  const payload = JSON.stringify({ id, type, created: Math.floor(at.getTime() / 1000), mode, data: { object } });
  return { id, type, mode, payload };
}
