import { cfError } from './cashfree-errors';
import { paymentEventDraft, refundEventDraft, type CashfreeEventDraft } from './cashfree-events';
import { fail } from './http';
import { digits } from './ids';
import type { CfOrder, CfPayment, CfRefund, SandboxMethod, SandboxState } from './state';

export type CashfreeOutcome = 'captured' | 'failed' | 'dropped';

const STATUS: Record<CashfreeOutcome, CfPayment['status']> = { captured: 'SUCCESS', failed: 'FAILED', dropped: 'USER_DROPPED' };

/** A random numeric id, like Cashfree's, that `isTaken` does not know yet. */
export function uniqueDigits(length: number, isTaken: (id: string) => boolean): string {
  for (;;) {
    const id = digits(length);
    if (!isTaken(id)) return id;
  }
}

/** A customer's payment attempt: SUCCESS pays the order; FAILED and USER_DROPPED leave it ACTIVE. */
export function payCashfreeOrder(
  state: SandboxState,
  order: CfOrder,
  outcome: CashfreeOutcome,
  method: SandboxMethod,
): { payment: CfPayment; drafts: CashfreeEventDraft[] } {
  if (order.status !== 'ACTIVE') fail(cfError(409, `order is ${order.status}`, 'order_not_active'));
  const payment: CfPayment = {
    clientId: order.clientId,
    cf_payment_id: uniqueDigits(10, (id) => state.cfPayments.has(id)),
    order_id: order.order_id,
    amount: order.amount,
    currency: order.currency,
    status: STATUS[outcome],
    method,
    bank_reference: digits(12),
    amount_refunded: 0,
    time: Date.now(),
  };
  state.cfPayments.set(payment.cf_payment_id, payment);
  if (payment.status === 'SUCCESS') order.status = 'PAID';
  return { payment, drafts: [paymentEventDraft(order, payment)] };
}

export function refundCashfreePayment(
  state: SandboxState,
  payment: CfPayment,
  amount: number | undefined,
): { refund: CfRefund; drafts: CashfreeEventDraft[] } {
  if (payment.status !== 'SUCCESS') fail(cfError(400, 'refund is allowed only on a successful payment', 'payment_not_successful'));
  const refundable = payment.amount - payment.amount_refunded;
  const value = amount ?? refundable;
  if (!Number.isInteger(value) || value < 1) fail(cfError(400, 'refund_amount : should be greater than 0', 'refund_amount_invalid'));
  if (value > refundable) fail(cfError(400, 'refund_amount : exceeds the amount left to refund', 'refund_amount_invalid'));
  const cfRefundId = uniqueDigits(9, (id) => state.cfRefunds.has(id));
  const refund: CfRefund = {
    clientId: payment.clientId,
    cf_refund_id: cfRefundId,
    refund_id: `refund_${cfRefundId}`,
    cf_payment_id: payment.cf_payment_id,
    order_id: payment.order_id,
    amount: value,
    currency: payment.currency,
    status: 'SUCCESS',
    created_at: Date.now(),
  };
  state.cfRefunds.set(refund.cf_refund_id, refund);
  payment.amount_refunded += value;
  return { refund, drafts: [refundEventDraft(refund)] };
}
