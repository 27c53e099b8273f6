import type { MerchantEventType } from '@/db/schema';
import { randomBase62 } from '@/lib/ids';

export { EVENT_DESCRIPTIONS, SUBSCRIBABLE_EVENTS, type SubscribableEvent } from './event-types';

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
