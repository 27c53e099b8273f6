import { isCursorTime } from '@/lib/cursor-time';
import type { DeliveryKey } from '@/db/queries/outbound-deliveries';
import { isEventId } from './catalogue';
import { DELIVERY_EVENT_TYPES, DELIVERY_STATUSES, type DeliveryLogQuery } from './delivery-log-url';


/** An opaque cursor to the page older than the row with this key. */
export const encodeCursor = (key: DeliveryKey) => Buffer.from(JSON.stringify([key.at, key.eventId])).toString('base64url');

function decodeCursor(cursor: string): DeliveryKey | null {
  if (cursor.length > 200) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [at, eventId] = value as unknown[];
    if (typeof at !== 'string' || !isCursorTime(at)) return null;
    if (typeof eventId !== 'string' || !isEventId(eventId)) return null;
    return { at, eventId };
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
 * The delivery log's query from its URL. A value that names nothing is dropped and explained in
 * `errors`: the JSON route answers it with a 400, the page with a note.
 */
export function parseDeliveryLogQuery(params: Params): { query: DeliveryLogQuery; before?: DeliveryKey; errors: string[] } {
  const errors: string[] = [];
  const query: DeliveryLogQuery = {};
  let before: DeliveryKey | undefined;
  const status = one(params, 'status');
  if (status === null) errors.push('Give one status at most.');
  else if (status) {
    if ((DELIVERY_STATUSES as readonly string[]).includes(status)) query.status = status as DeliveryLogQuery['status'];
    else errors.push(`Unknown status: choose one of ${DELIVERY_STATUSES.join(', ')}.`);
  }
  const type = one(params, 'type');
  if (type === null) errors.push('Give one event type at most.');
  else if (type) {
    if ((DELIVERY_EVENT_TYPES as readonly string[]).includes(type)) query.eventType = type as DeliveryLogQuery['eventType'];
    else errors.push(`Unknown event type: choose one of ${DELIVERY_EVENT_TYPES.join(', ')}.`);
  }
  const cursor = one(params, 'cursor');
  if (cursor === null) errors.push('Give one cursor at most.');
  else if (cursor) {
    const key = decodeCursor(cursor);
    if (key) {
      query.cursor = cursor;
      before = key;
    } else errors.push('That page link is not valid: showing the newest deliveries.');
  }
  return { query, before, errors };
}
