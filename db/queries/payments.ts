import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { payments, refunds } from '../schema';

type Gateway = 'razorpay' | 'cashfree';

/** An order's payments with their refunds (read under the order's row lock). */
export async function listOrderPayments(db: Db, params: { appId: string; orderId: string }) {
  const rows = await db
    .select()
    .from(payments)
    .where(and(eq(payments.appId, params.appId), eq(payments.orderId, params.orderId)));
  const ids = rows.map((p) => p.id);
  const refundRows = ids.length
    ? await db.select().from(refunds).where(and(eq(refunds.appId, params.appId), inArray(refunds.paymentId, ids)))
    : [];
  return rows.map((payment) => ({ ...payment, refunds: refundRows.filter((r) => r.paymentId === payment.id) }));
}

/** Writes a payment's new state: inserted the first time it is seen, updated after. */
export async function savePayment(
  db: Db,
  payment: Omit<typeof payments.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>,
) {
  const [row] = await db
    .insert(payments)
    .values(payment)
    .onConflictDoUpdate({
      target: [payments.appId, payments.gateway, payments.gatewayPaymentId],
      set: {
        status: payment.status,
        method: payment.method,
        errorCode: payment.errorCode,
        errorDescription: payment.errorDescription,
        amountRefunded: payment.amountRefunded,
        updatedAt: sql`now()`,
      },
    })
    .returning({ id: payments.id });
  return row!.id;
}

export async function saveRefund(
  db: Db,
  refund: { appId: string; paymentId: string; gateway: Gateway; gatewayRefundId: string; amount: number; status: 'pending' | 'processed' | 'failed' },
) {
  await db
    .insert(refunds)
    .values(refund)
    .onConflictDoUpdate({
      target: [refunds.appId, refunds.gateway, refunds.gatewayRefundId],
      set: { status: refund.status, updatedAt: sql`now()` },
    });
}
