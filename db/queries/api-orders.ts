import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { orders, payments } from '../schema';

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
