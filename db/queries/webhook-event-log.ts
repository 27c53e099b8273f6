import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { type DeliveryOutcome, webhookEvents } from '../schema';

/** A position in the log: the time (microseconds, UTC) and id of the row next to the page. */
export type DeliveryKey = { at: string; id: string };

export type DeliveryListParams = {
  appId: string;
  outcome?: DeliveryOutcome;
  eventType?: string;
  /** Rows older than this key (the next page), or newer (the previous page). */
  older?: DeliveryKey;
  newer?: DeliveryKey;
  limit: number;
};

// PostgreSQL keeps microseconds, a JS Date milliseconds: the key is the database's own text.
const keyAt = sql<string>`to_char(${webhookEvents.receivedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const position = sql`(${webhookEvents.receivedAt}, ${webhookEvents.id})`;
const keyOf = (key: DeliveryKey) => sql`(cast(${key.at} as timestamptz), cast(${key.id} as uuid))`;

const listColumns = {
  id: webhookEvents.id,
  key: keyAt,
  receivedAt: webhookEvents.receivedAt,
  gateway: webhookEvents.gateway,
  source: webhookEvents.source,
  outcome: webhookEvents.outcome,
  rejectionReason: webhookEvents.rejectionReason,
  likelyCause: sql<string | null>`${webhookEvents.rejectionDetail} ->> 'likelyCause'`,
  // A rejected delivery has no verified event: what its headers and body claim is shown instead.
  eventId: sql<string | null>`coalesce(${webhookEvents.eventId}, ${webhookEvents.headers} ->> 'x-razorpay-event-id', ${webhookEvents.headers} ->> 'x-idempotency-key')`,
  eventType: sql<string | null>`coalesce(${webhookEvents.eventType}, ${webhookEvents.rejectionDetail} ->> 'claimedEventType')`,
  gatewayOrderId: webhookEvents.gatewayOrderId,
  orderId: webhookEvents.orderId,
};

/**
 * One page of an app's delivery log, newest first, by keyset on (received_at, id): every filter
 * combination walks one of the app's indexes (all, by outcome, by event type). `hasMore` says
 * whether rows lie beyond the page in the direction read.
 */
export async function listDeliveries(db: Db, params: DeliveryListParams) {
  const backwards = params.newer !== undefined;
  const rows = await db
    .select(listColumns)
    .from(webhookEvents)
    .where(
      and(
        eq(webhookEvents.appId, params.appId),
        params.outcome ? eq(webhookEvents.outcome, params.outcome) : undefined,
        params.eventType ? eq(webhookEvents.eventType, params.eventType) : undefined,
        params.older ? sql`${position} < ${keyOf(params.older)}` : undefined,
        params.newer ? sql`${position} > ${keyOf(params.newer)}` : undefined,
      ),
    )
    .orderBy(...(backwards ? [asc(webhookEvents.receivedAt), asc(webhookEvents.id)] : [desc(webhookEvents.receivedAt), desc(webhookEvents.id)]))
    .limit(params.limit + 1);
  const hasMore = rows.length > params.limit;
  const page = rows.slice(0, params.limit);
  return { rows: backwards ? page.reverse() : page, hasMore };
}

export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>['rows'][number];

/** One delivery of the app's, everything kept about it; null for another app's or none. */
export async function getDelivery(db: Db, params: { appId: string; deliveryId: string }) {
  const [row] = await db
    .select({ ...listColumns, headers: webhookEvents.headers, payload: webhookEvents.payload, rejectionDetail: webhookEvents.rejectionDetail })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.appId, params.appId), eq(webhookEvents.id, params.deliveryId)));
  return row ?? null;
}

/**
 * The connection's rejected deliveries since `hours` ago and the latest one's likely cause, from
 * the partial index the pruning uses (its predicate repeated literally).
 */
export async function getRecentRejections(db: Db, params: { connectionId: string; hours: number }) {
  const since = sql`now() - ${params.hours} * interval '1 hour'`;
  const recent = and(
    eq(webhookEvents.connectionId, params.connectionId),
    sql`${webhookEvents.outcome} = 'rejected'`,
    sql`${webhookEvents.receivedAt} > ${since}`,
  );
  const [[counted], [latest]] = await Promise.all([
    db.select({ count: sql<number>`count(*)`.mapWith(Number) }).from(webhookEvents).where(recent),
    db
      .select({ at: webhookEvents.receivedAt, reason: webhookEvents.rejectionReason, likelyCause: listColumns.likelyCause })
      .from(webhookEvents)
      .where(recent)
      .orderBy(desc(webhookEvents.receivedAt))
      .limit(1),
  ]);
  return { count: counted?.count ?? 0, latest: latest ?? null };
}
