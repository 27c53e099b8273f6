import { and, asc, desc, eq, exists, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AppError } from '@/lib/errors';
import { type CursorDirection, decodeCursor, encodeCursor, type Position } from '@/lib/transactions/cursor';
import type { Db } from '../client';
import { gatewayConnections, gatewayCredentials, gatewayName, orders, payments, webhookEvents } from '../schema';

type Order = typeof orders.$inferSelect;

export type TransactionFilters = {
  appId: string;
  mode: Order['mode'];
  status?: Order['status'];
  gateway?: Order['gateway'];
  /** Orders with a payment made this way. */
  method?: string;
  createdFrom?: Date;
  /** Exclusive. */
  createdBefore?: Date;
  /** Exact: our order id, the gateway's order or payment id, the receipt, or the customer's email (any case). */
  q?: string;
};

const ALL_GATEWAYS = gatewayName.enumValues;

// Exact to the microsecond (a JS Date is not): keyset positions must not fall between two rows.
const createdAtMicros = sql<string>`((extract(epoch from ${orders.createdAt}) * 1000000)::bigint)::text`;
const instantOf = (micros: string) => sql`(timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond')`;

const columns = {
  id: orders.id,
  gateway: orders.gateway,
  gatewayOrderId: orders.gatewayOrderId,
  mode: orders.mode,
  status: orders.status,
  amount: orders.amount,
  currency: orders.currency,
  receipt: orders.receipt,
  customerEmail: orders.customerEmail,
  customerPhone: orders.customerPhone,
  createdAt: orders.createdAt,
  createdAtMicros,
  // The method of the payment that decided the order: a captured one, else the latest attempt.
  // Written out (a single-table select renders its columns unqualified, which a correlated
  // subquery cannot use).
  method: sql<string | null>`(select p.method from payments p
    where p.app_id = "orders"."app_id" and p.order_id = "orders"."id" and p.method is not null
    order by (p.status in ('captured', 'refunded')) desc, p.updated_at desc limit 1)`,
  amountRefunded: sql<number>`case when "orders"."status" in ('refunded', 'partially_refunded') then
    (select coalesce(sum(least(p.amount_refunded, p.amount)), 0) from payments p
      where p.app_id = "orders"."app_id" and p.order_id = "orders"."id")::bigint else 0 end`.mapWith(Number),
};

export type TransactionRow = Awaited<ReturnType<typeof selectPage>>[number];

/**
 * Each arm reads an index with `app_id` in front (the receipt, email, and unique gateway id indexes,
 * the gateway listed so the unique ones can be used): a BitmapOr, never a scan of the app's orders.
 */
function searchCondition(appId: string, q: string): SQL {
  return or(
    eq(orders.id, q),
    and(inArray(orders.gateway, ALL_GATEWAYS), eq(orders.gatewayOrderId, q)),
    eq(orders.receipt, q),
    sql`lower(${orders.customerEmail}) = lower(${q})`,
    sql`${orders.id} = any(array(select ${payments.orderId} from ${payments}
      where ${payments.appId} = ${appId} and ${inArray(payments.gateway, ALL_GATEWAYS)} and ${payments.gatewayPaymentId} = ${q}))`,
  )!;
}

/** The filters of a transactions view as conditions (every one on the app first); the merchant API lists with them too. */
export function filterConditions(db: Db, f: TransactionFilters): (SQL | undefined)[] {
  return [
    eq(orders.appId, f.appId),
    eq(orders.mode, f.mode),
    f.status && eq(orders.status, f.status),
    f.gateway && eq(orders.gateway, f.gateway),
    f.createdFrom && gte(orders.createdAt, f.createdFrom),
    f.createdBefore && lt(orders.createdAt, f.createdBefore),
    f.method
      ? exists(
          db
            .select({ one: sql`1` })
            .from(payments)
            .where(and(eq(payments.appId, f.appId), eq(payments.orderId, orders.id), eq(payments.method, f.method))),
        )
      : undefined,
    f.q ? searchCondition(f.appId, f.q) : undefined,
  ];
}

/** Up to `limit` rows from `from` on in `direction` (newest first for next), in the order read. */
function selectPage(db: Db, f: TransactionFilters, from: Position | null, direction: CursorDirection, limit: number) {
  const position = from && sql`(${orders.createdAt}, ${orders.id}) ${sql.raw(direction === 'next' ? '<' : '>')} (${instantOf(from.createdAtMicros)}, ${from.id})`;
  const order = direction === 'next' ? [desc(orders.createdAt), desc(orders.id)] : [asc(orders.createdAt), asc(orders.id)];
  return db
    .select(columns)
    .from(orders)
    .where(and(...filterConditions(db, f), position ?? undefined))
    .orderBy(...order)
    .limit(limit);
}

const positionOf = (row: { createdAtMicros: string; id: string }): Position => ({ createdAtMicros: row.createdAtMicros, id: row.id });

/**
 * One page of an app's orders in one mode, newest first, with keyset cursors on (created_at, id).
 * A cursor is only a position: with other filters it still means "older (or newer) than this
 * order", and it never reaches outside the app. Going back to fewer than a page of newer rows gives
 * the first page.
 */
export async function listTransactions(db: Db, params: TransactionFilters & { cursor?: string | null; limit: number }) {
  const { cursor: encoded, limit, ...filters } = params;
  const cursor = encoded ? decodeCursor(encoded) : null;
  if (encoded && !cursor) throw new AppError('bad_request', 'That page cursor is not valid: start again from the first page.');

  return withoutParallelScans(db, filters, async (db) => {
    if (cursor?.direction === 'prev') {
      const newer = await selectPage(db, filters, cursor, 'prev', limit + 1);
      if (newer.length > limit) {
        const rows = newer.slice(0, limit).reverse();
        return pageOf(rows, { hasNext: true, hasPrev: true });
      }
    }
    const after = cursor?.direction === 'next' ? cursor : null;
    const rows = await selectPage(db, filters, after, 'next', limit + 1);
    return pageOf(rows.slice(0, limit), { hasNext: rows.length > limit, hasPrev: after !== null });
  });
}

/**
 * A method filter is a semi-join probing payments for each order read; for a rare method PostgreSQL
 * plans it in parallel, and starting workers for one page of 25 cost more than the probes (measured
 * with 1,000,000 orders: ~50 ms against ~15 ms). Such a page runs in its own transaction with
 * parallel workers off; the others need neither.
 */
function withoutParallelScans<T>(db: Db, filters: TransactionFilters, run: (db: Db) => Promise<T>): Promise<T> {
  if (!filters.method) return run(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return run(tx);
  });
}

function pageOf(rows: Awaited<ReturnType<typeof selectPage>>, more: { hasNext: boolean; hasPrev: boolean }) {
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    nextCursor: more.hasNext && last ? encodeCursor({ ...positionOf(last), direction: 'next' }) : null,
    prevCursor: more.hasPrev && first ? encodeCursor({ ...positionOf(first), direction: 'prev' }) : null,
  };
}

export type TransactionPage = Awaited<ReturnType<typeof listTransactions>>;

/** The modes of the app's credentials in use (verified) and last submitted (current), if any. */
export async function getConnectionModes(db: Db, params: { appId: string }) {
  const verified = alias(gatewayCredentials, 'verified');
  const current = alias(gatewayCredentials, 'current');
  const [row] = await db
    .select({ verified: verified.mode, current: current.mode })
    .from(gatewayConnections)
    .leftJoin(verified, eq(verified.id, gatewayConnections.verifiedCredentialsId))
    .leftJoin(current, eq(current.id, gatewayConnections.currentCredentialsId))
    .where(eq(gatewayConnections.appId, params.appId));
  return { verified: row?.verified ?? null, current: row?.current ?? null };
}

/** Whether the app has any order at all (either mode): empty states tell "nothing yet" from "nothing here". */
export async function hasAnyOrder(db: Db, params: { appId: string }) {
  const [row] = await db.select({ id: orders.id }).from(orders).where(eq(orders.appId, params.appId)).limit(1);
  return row !== undefined;
}

const eventColumns = {
  id: webhookEvents.id,
  source: webhookEvents.source,
  outcome: webhookEvents.outcome,
  eventId: webhookEvents.eventId,
  eventType: webhookEvents.eventType,
  gatewayPaymentId: webhookEvents.gatewayPaymentId,
  receivedAt: webhookEvents.receivedAt,
};

export const TIMELINE_LIMIT = 200;

/**
 * The latest deliveries naming the order (applied, duplicate, stale, ignored; webhooks and syncs),
 * oldest first, and whether older ones were left out.
 */
export async function listOrderEvents(db: Db, params: { appId: string; gateway: Order['gateway']; gatewayOrderId: string }) {
  const rows = await db
    .select(eventColumns)
    .from(webhookEvents)
    .where(
      and(
        eq(webhookEvents.appId, params.appId),
        eq(webhookEvents.gateway, params.gateway),
        eq(webhookEvents.gatewayOrderId, params.gatewayOrderId),
      ),
    )
    .orderBy(desc(webhookEvents.receivedAt), desc(webhookEvents.id))
    .limit(TIMELINE_LIMIT + 1);
  return { events: rows.slice(0, TIMELINE_LIMIT).reverse(), truncated: rows.length > TIMELINE_LIMIT };
}

/** One delivery on an order's timeline, with its raw body and stored headers. */
export async function getOrderEvent(db: Db, params: { appId: string; orderId: string; eventId: string }) {
  const [row] = await db
    .select({ ...eventColumns, headers: webhookEvents.headers, payload: webhookEvents.payload })
    .from(webhookEvents)
    .innerJoin(
      orders,
      and(
        eq(orders.appId, webhookEvents.appId),
        eq(orders.gateway, webhookEvents.gateway),
        eq(orders.gatewayOrderId, webhookEvents.gatewayOrderId),
      ),
    )
    .where(and(eq(webhookEvents.appId, params.appId), eq(webhookEvents.id, params.eventId), eq(orders.id, params.orderId)));
  return row ?? null;
}
