import type { Db } from '@/db';
import { type DeliveryKey, type DeliveryRow, getDelivery, listEndpointDeliveries } from '@/db/queries/outbound-deliveries';
import { isEventId } from './catalogue';
import { encodeCursor } from './delivery-log-query';
import type { DeliveryLogQuery } from './delivery-log-url';

export const DELIVERIES_PER_PAGE = 25;

const iso = (date: Date | null) => date?.toISOString() ?? null;

// The keyset key stays on the server: the browser gets an opaque cursor.
const toDto = (row: DeliveryRow) => ({
  eventId: row.eventId,
  eventType: row.eventType,
  status: row.status,
  attempts: row.attempts,
  inFlight: row.inFlight,
  nextAttemptAt: iso(row.nextAttemptAt),
  lastResponseStatus: row.lastResponseStatus,
  lastError: row.lastError,
  createdAt: row.createdAt.toISOString(),
});

export type EndpointDeliveryDto = ReturnType<typeof toDto>;

/** One page of an endpoint's deliveries, newest first, and the cursor to the next older page. */
export async function loadEndpointDeliveries(db: Db, endpointId: string, query: DeliveryLogQuery, before?: DeliveryKey) {
  const { rows, hasMore } = await listEndpointDeliveries(db, { endpointId, status: query.status, eventType: query.eventType, before, limit: DELIVERIES_PER_PAGE });
  const last = rows.at(-1);
  return { deliveries: rows.map(toDto), olderCursor: hasMore && last ? encodeCursor({ at: last.key, eventId: last.eventId }) : null };
}

/** One delivery of the endpoint with its event's body and every attempt, newest first; null for none. */
export async function loadEndpointDelivery(db: Db, endpointId: string, eventId: string) {
  if (!isEventId(eventId)) return null;
  const row = await getDelivery(db, { endpointId, eventId });
  if (!row) return null;
  return {
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: iso(row.nextAttemptAt),
    createdAt: row.createdAt.toISOString(),
    payload: row.payload,
    attemptLog: row.attemptLog.map((a) => ({
      number: a.number,
      status: a.status,
      url: a.url,
      requestHeaders: a.requestHeaders,
      responseStatus: a.responseStatus,
      responseBody: a.responseBody,
      durationMs: a.durationMs,
      error: a.error,
      startedAt: a.startedAt.toISOString(),
      finishedAt: iso(a.finishedAt),
    })),
  };
}

export type EndpointDeliveryDetailDto = NonNullable<Awaited<ReturnType<typeof loadEndpointDelivery>>>;
