import type { Db } from '@/db';
import { setOrderStatus } from '@/db/queries/orders';
import { listOrderPayments, savePayment, saveRefund } from '@/db/queries/payments';
import type { Order } from '@/db/schema';
import { applyObservation, orderStatusOf, type PaymentObservation, type PaymentState } from './state';

type StoredPayment = Awaited<ReturnType<typeof listOrderPayments>>[number];

function stateOf(row: StoredPayment): PaymentState {
  return {
    status: row.status,
    amount: row.amount,
    method: row.method,
    errorCode: row.errorCode,
    errorDescription: row.errorDescription,
    amountRefunded: row.amountRefunded,
    refunds: Object.fromEntries(row.refunds.map((r) => [r.gatewayRefundId, { amount: r.amount, status: r.status }])),
  };
}

/**
 * Applies what the gateway says about one payment to an order locked by the caller's transaction
 * (`lockOrder…`), so concurrent events for the order apply one after another. Returns whether
 * anything changed: if not, the event was stale.
 */
export async function applyToLockedOrder(tx: Db, order: Order, gatewayPaymentId: string, observation: PaymentObservation) {
  const stored = await listOrderPayments(tx, { appId: order.appId, orderId: order.id });
  const row = stored.find((p) => p.gatewayPaymentId === gatewayPaymentId);
  const current = row ? stateOf(row) : null;
  const { next, changed } = applyObservation(current, observation, order.amount);
  if (!changed) return false;
  const paymentId = await savePayment(tx, {
    appId: order.appId,
    orderId: order.id,
    gateway: order.gateway,
    gatewayPaymentId,
    method: next.method,
    amount: next.amount,
    currency: order.currency,
    status: next.status,
    errorCode: next.errorCode,
    errorDescription: next.errorDescription,
    amountRefunded: next.amountRefunded,
  });
  for (const [gatewayRefundId, refund] of Object.entries(next.refunds)) {
    if (current?.refunds[gatewayRefundId]?.status === refund.status) continue;
    await saveRefund(tx, { appId: order.appId, paymentId, gateway: order.gateway, gatewayRefundId, ...refund });
  }
  const status = orderStatusOf([...stored.filter((p) => p !== row).map(stateOf), next]);
  if (status !== order.status) await setOrderStatus(tx, { appId: order.appId, orderId: order.id }, status);
  return true;
}
