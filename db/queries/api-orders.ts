import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { orders, payments } from '../schema';
import { filterConditions, type TransactionFilters } from './transactions';

type Scope = { appId: string; mode: 'test' | 'live' };

/** One order of the app in the key's mode: another app's or mode's order does not exist here. */
export async function getModeOrder(db: Db, params: Scope & { orderId: string }) {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.appId, params.appId), eq(orders.mode, params.mode), eq(orders.id, params.orderId)));
  return row ?? null;
}

/** Captured and refunded totals per order, from its payments. */
export async function sumOrderPayments(db: Db, params: { appId: string; orderIds: string[] }) {
  if (params.orderIds.length === 0) return new Map<string, { paid: number; refunded: number }>();
  const rows = await db
    .select({
      orderId: payments.orderId,
      paid: sql<number>`coalesce(sum(${payments.amount}) filter (where ${payments.status} in ('captured', 'refunded')), 0)::bigint`,
      refunded: sql<number>`coalesce(sum(${payments.amountRefunded}), 0)::bigint`,
    })
    .from(payments)
    .where(and(eq(payments.appId, params.appId), inArray(payments.orderId, params.orderIds)))
    .groupBy(payments.orderId);
  return new Map(rows.map((r) => [r.orderId, { paid: Number(r.paid), refunded: Number(r.refunded) }]));
}

/** An order's payment attempts, newest first. */
export async function listPaymentsOfOrder(db: Db, params: { appId: string; orderId: string }) {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.appId, params.appId), eq(payments.orderId, params.orderId)))
    .orderBy(sql`${payments.createdAt} desc, ${payments.id} desc`);
}

/**
 * Stripe-style pages of the app's orders in one mode, newest first: after `startingAfter` (older
 * than it), or before `endingBefore` (newer than it, the page still newest first). The cursor
 * order must be the caller's own (app and mode), else there is no page.
 */
export async function listModeOrders(
  db: Db,
  params: TransactionFilters & { limit: number; startingAfter?: string; endingBefore?: string },
): Promise<{ rows: (typeof orders.$inferSelect)[]; hasMore: boolean } | null> {
  const { limit, startingAfter, endingBefore, ...filters } = params;
  const cursorId = startingAfter ?? endingBefore;
  const cursor = cursorId ? await getModeOrder(db, { appId: filters.appId, mode: filters.mode, orderId: cursorId }) : null;
  if (cursorId && !cursor) return null;
  const newer = !!endingBefore;
  // The cursor row's own created_at, read in SQL: exact to the microsecond, which a JS Date is not.
  const position =
    cursor && sql`(${orders.createdAt}, ${orders.id}) ${sql.raw(newer ? '>' : '<')} (select o.created_at, o.id from ${orders} o where o.id = ${cursor.id})`;
  const rows = await db
    .select()
    .from(orders)
    .where(and(...filterConditions(db, filters), position ?? undefined))
    .orderBy(...(newer ? [asc(orders.createdAt), asc(orders.id)] : [desc(orders.createdAt), desc(orders.id)]))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { rows: newer ? page.reverse() : page, hasMore: rows.length > limit };
}
