import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { orders } from '../schema';

export async function insertOrder(db: Db, order: typeof orders.$inferInsert) {
  const [row] = await db.insert(orders).values(order).returning();
  return row!;
}

/** The order a gateway event names, locked so that concurrent events for it apply one at a time. */
export async function lockOrderByGatewayId(db: Db, params: { appId: string; gateway: 'razorpay' | 'cashfree'; gatewayOrderId: string }) {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.appId, params.appId), eq(orders.gateway, params.gateway), eq(orders.gatewayOrderId, params.gatewayOrderId)))
    .for('update');
  return row ?? null;
}

export async function getOrderByGatewayId(db: Db, params: { appId: string; gateway: 'razorpay' | 'cashfree'; gatewayOrderId: string }) {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.appId, params.appId), eq(orders.gateway, params.gateway), eq(orders.gatewayOrderId, params.gatewayOrderId)));
  return row ?? null;
}

export async function getOrder(db: Db, params: { appId: string; orderId: string }) {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.appId, params.appId), eq(orders.id, params.orderId)));
  return row ?? null;
}

/**
 * Claims up to `limit` orders still created or processing `quietSeconds` after their last change
 * (and made within `lookbackSeconds`): each is handed to one caller, whatever the number of
 * instances running, and not again for `claimSeconds`.
 */
export async function claimUnfinishedOrders(
  db: Db,
  params: { quietSeconds: number; lookbackSeconds: number; claimSeconds: number; limit: number },
) {
  const due = db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        sql`${orders.status} in ('created', 'processing')`,
        lt(orders.updatedAt, sql`now() - ${params.quietSeconds} * interval '1 second'`),
        sql`${orders.createdAt} > now() - ${params.lookbackSeconds} * interval '1 second'`,
        or(isNull(orders.syncClaimedUntil), lt(orders.syncClaimedUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(orders.updatedAt))
    .limit(params.limit)
    .for('update', { skipLocked: true });
  return db
    .update(orders)
    .set({ syncClaimedUntil: sql`now() + ${params.claimSeconds} * interval '1 second'` })
    .where(inArray(orders.id, due))
    .returning({ id: orders.id, appId: orders.appId });
}
