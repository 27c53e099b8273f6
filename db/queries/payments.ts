import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { payments, refunds } from '../schema';

/** An order's payments with their refunds (for pages and tests; the webhook path reads `readOrderState`). */
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
