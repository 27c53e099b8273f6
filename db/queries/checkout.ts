import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { apps, gatewayCredentials, orders, payments } from '../schema';

// Written out: a one-table select renders its columns unqualified, which the subquery would take for its own.
const attemptCount = sql<number>`(select count(*) from ${payments} p where p.order_id = "orders"."id")::integer`;

/**
 * What the public checkout page shows of an order: its unguessable id is the only key, so this
 * returns nothing that is not meant for the paying customer.
 */
export async function getCheckoutOrder(db: Db, params: { orderId: string }) {
  const [row] = await db
    .select({
      id: orders.id,
      status: orders.status,
      attempts: attemptCount,
      mode: orders.mode,
      amount: orders.amount,
      currency: orders.currency,
      gateway: orders.gateway,
      gatewayOrderId: orders.gatewayOrderId,
      paymentSessionId: orders.paymentSessionId,
      redirectUrl: orders.redirectUrl,
      appName: apps.name,
      keyId: gatewayCredentials.keyId,
      environment: gatewayCredentials.environment,
      paymentModes: gatewayCredentials.paymentModes,
    })
    .from(orders)
    .innerJoin(apps, eq(apps.id, orders.appId))
    .leftJoin(gatewayCredentials, eq(gatewayCredentials.id, orders.credentialsId))
    .where(eq(orders.id, params.orderId));
  return row ?? null;
}

/** The order's status and its number of payment attempts (what the checkout page polls). */
export async function getOrderProgress(db: Db, params: { orderId: string }) {
  const [row] = await db
    .select({
      status: orders.status,
      attempts: attemptCount,
    })
    .from(orders)
    .where(eq(orders.id, params.orderId));
  return row ?? null;
}
