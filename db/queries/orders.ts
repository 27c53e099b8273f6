import { and, eq, sql } from 'drizzle-orm';
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

export async function lockOrder(db: Db, params: { appId: string; orderId: string }) {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.appId, params.appId), eq(orders.id, params.orderId)))
    .for('update');
  return row ?? null;
}

export async function getOrder(db: Db, params: { appId: string; orderId: string }) {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.appId, params.appId), eq(orders.id, params.orderId)));
  return row ?? null;
}

export async function setOrderStatus(db: Db, params: { appId: string; orderId: string }, status: (typeof orders.$inferSelect)['status']) {
  await db
    .update(orders)
    .set({ status, updatedAt: sql`now()` })
    .where(and(eq(orders.appId, params.appId), eq(orders.id, params.orderId)));
}
