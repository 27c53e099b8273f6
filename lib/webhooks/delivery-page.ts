import type { Db } from '@/db';
import { type DeliveryRow, getDelivery, listDeliveries } from '@/db/queries/webhook-event-log';
import { DELIVERIES_PER_PAGE, type DeliveryPage, encodeCursor } from './delivery-query';
import type { DeliveryQuery } from './delivery-url';

// The keyset key stays on the server: the browser gets opaque cursors.
const toDto = (row: DeliveryRow) => ({
  id: row.id,
  receivedAt: row.receivedAt.toISOString(),
  gateway: row.gateway,
  source: row.source,
  outcome: row.outcome,
  rejectionReason: row.rejectionReason,
  likelyCause: row.likelyCause,
  eventId: row.eventId,
  eventType: row.eventType,
  gatewayOrderId: row.gatewayOrderId,
  orderId: row.orderId,
});

export type DeliveryDto = ReturnType<typeof toDto>;
export type DeliveryListDto = { deliveries: DeliveryDto[]; olderCursor: string | null; newerCursor: string | null };

/** One page of the app's delivery log for the browser, with cursors to the pages either side. */
export async function loadDeliveryPage(db: Db, appId: string, query: DeliveryQuery, page: DeliveryPage): Promise<DeliveryListDto> {
  const { rows, hasMore } = await listDeliveries(db, { appId, outcome: query.outcome, eventType: query.eventType, ...page, limit: DELIVERIES_PER_PAGE });
  const first = rows[0];
  const last = rows.at(-1);
  const backwards = page.newer !== undefined;
  // Read backwards, the cursor's own row lies beyond the page's end; forwards, beyond its start.
  const hasOlder = backwards || hasMore;
  const hasNewer = backwards ? hasMore : page.older !== undefined;
  return {
    deliveries: rows.map(toDto),
    olderCursor: hasOlder && last ? encodeCursor('older', { at: last.key, id: last.id }) : null,
    newerCursor: hasNewer && first ? encodeCursor('newer', { at: first.key, id: first.id }) : null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One delivery for its detail view, or null (a malformed id, another app's, none). */
export async function loadDeliveryDetail(db: Db, appId: string, deliveryId: string) {
  if (!UUID.test(deliveryId)) return null;
  const row = await getDelivery(db, { appId, deliveryId });
  if (!row) return null;
  return { ...toDto(row), headers: row.headers, payload: row.payload, rejectionDetail: row.rejectionDetail };
}

export type DeliveryDetailDto = NonNullable<Awaited<ReturnType<typeof loadDeliveryDetail>>>;
