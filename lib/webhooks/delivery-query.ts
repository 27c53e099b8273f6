import { isCursorTime } from '@/lib/cursor-time';
import type { DeliveryKey } from '@/db/queries/webhook-event-log';
import type { DeliveryOutcome } from '@/db/schema';
import { DELIVERY_OUTCOMES } from './delivery-outcomes';
import type { DeliveryQuery } from './delivery-url';

export type DeliveryPage = { older?: DeliveryKey; newer?: DeliveryKey };

export const DELIVERIES_PER_PAGE = 25;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Event types as the log stores them: printable ASCII, at most 64 characters. */
const EVENT_TYPE = /^[\x21-\x7e]{1,64}$/;

/** An opaque cursor: which way to read, and the key of the row at the page's edge. */
export const encodeCursor = (direction: 'older' | 'newer', key: DeliveryKey) =>
  Buffer.from(JSON.stringify([direction === 'older' ? 'o' : 'n', key.at, key.id])).toString('base64url');

function decodeCursor(cursor: string): DeliveryPage | null {
  if (cursor.length > 200) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [direction, at, id] = value as unknown[];
    if (typeof at !== 'string' || !isCursorTime(at) || typeof id !== 'string' || !UUID.test(id)) return null;
    if (direction === 'o') return { older: { at, id } };
    if (direction === 'n') return { newer: { at, id } };
    return null;
  } catch {
    return null;
  }
}

type Params = URLSearchParams | Record<string, string | string[] | undefined>;
const one = (params: Params, name: string) => {
  const value = params instanceof URLSearchParams ? params.getAll(name) : params[name];
  return Array.isArray(value) ? (value.length > 1 ? null : value[0]) : value;
};

/**
 * The page's query from its URL. A value that names nothing (an unknown outcome, a malformed
 * cursor, a NUL, a huge string) is dropped and explained in `errors`: the API answers it with a
 * 400, the page with a note.
 */
export function parseDeliveryQuery(params: Params): { query: DeliveryQuery; page: DeliveryPage; errors: string[] } {
  const errors: string[] = [];
  const query: DeliveryQuery = {};
  let page: DeliveryPage = {};
  const outcome = one(params, 'outcome');
  if (outcome === null) errors.push('Give one outcome at most.');
  else if (outcome) {
    if ((DELIVERY_OUTCOMES as readonly string[]).includes(outcome)) query.outcome = outcome as DeliveryOutcome;
    else errors.push(`Unknown outcome: choose one of ${DELIVERY_OUTCOMES.join(', ')}.`);
  }
  const type = one(params, 'type');
  if (type === null) errors.push('Give one event type at most.');
  else if (type) {
    if (EVENT_TYPE.test(type)) query.eventType = type;
    else errors.push('An event type is at most 64 printable characters, without spaces.');
  }
  const cursor = one(params, 'cursor');
  if (cursor === null) errors.push('Give one cursor at most.');
  else if (cursor) {
    const decoded = decodeCursor(cursor);
    if (decoded) {
      query.cursor = cursor;
      page = decoded;
    } else errors.push('That page link is not valid: showing the newest deliveries.');
  }
  return { query, page, errors };
}
