import type { PaymentWrite } from '@/db/queries/apply-delivery';
import type { OrderState } from '@/db/queries/order-state';
import { orderDto, paymentDto } from '@/lib/api-v1/dto';
import type { MerchantEventType } from '@/db/schema';
import { envelope, type OutboxEvent } from './catalogue';

const ORDER_EVENT: Partial<Record<PaymentWrite['orderStatus'], MerchantEventType>> = {
  paid: 'order.paid',
  failed: 'order.failed',
  refunded: 'order.refunded',
  partially_refunded: 'order.partially_refunded',
};

const isFailure = (status: string) => status === 'failed' || status === 'dropped';
const isCaptured = (status: string) => status === 'captured' || status === 'refunded';

/**
 * The merchant's events for one planned change of `order`: the payment's (captured, failed), each
 * refund that reached `processed`, then the order's when its status moves to one merchants act on.
 * Objects are as the API shows them just after the change.
 */
export function eventsForChange(order: OrderState, write: PaymentWrite, at: Date): OutboxEvent[] {
  const before = order.payments.find((p) => p.gatewayPaymentId === write.payment.gatewayPaymentId);
  const after = write.payment;
  const mode = order.facts.mode;
  const payment = {
    ...after,
    orderId: order.id,
    gateway: order.gateway,
    createdAt: before ? new Date(before.createdAt) : at,
    updatedAt: at,
  };
  const events: OutboxEvent[] = [];
  if (isCaptured(after.status) && !(before && isCaptured(before.status))) events.push(envelope('payment.captured', mode, paymentDto(payment), at));
  if (isFailure(after.status) && !(before && isFailure(before.status))) events.push(envelope('payment.failed', mode, paymentDto(payment), at));
  for (const refund of write.refunds) {
    if (refund.status !== 'processed') continue;
    const object = {
      id: refund.gatewayRefundId,
      object: 'refund',
      payment_id: after.gatewayPaymentId,
      order_id: order.id,
      amount: refund.amount,
      currency: order.currency,
      status: 'PROCESSED',
    };
    events.push(envelope('refund.processed', mode, object, at));
  }
  const orderEvent = ORDER_EVENT[write.orderStatus];
  if (orderEvent && write.orderStatus !== order.status) {
    const payments = [...order.payments.filter((p) => p !== before), after];
    const totals = {
      paid: payments.filter((p) => isCaptured(p.status)).reduce((sum, p) => sum + p.amount, 0),
      refunded: payments.reduce((sum, p) => sum + p.amountRefunded, 0),
    };
    const { facts } = order;
    const object = orderDto(
      { ...facts, id: order.id, status: write.orderStatus, amount: order.amount, currency: order.currency, gateway: order.gateway, createdAt: new Date(facts.createdAt), updatedAt: at },
      totals,
    );
    events.push(envelope(orderEvent, mode, object, at));
  }
  return events;
}
