import { rzpOrderView, rzpPaymentView, rzpRefundView } from './razorpay-entities';
import { rzpError } from './razorpay-errors';
import type { RazorpayEventDraft } from './razorpay-events';
import { fail } from './http';
import { razorpayId } from './ids';
import type { RzpOrder, RzpPayment, RzpRefund, SandboxMethod, SandboxState } from './state';

export type RazorpayOutcome = 'captured' | 'failed' | 'authorized';

const nowSeconds = () => Math.floor(Date.now() / 1000);

function orderOf(state: SandboxState, payment: RzpPayment): RzpOrder {
  const order = state.rzpOrders.get(payment.order_id);
  if (!order) throw new Error(`payment ${payment.id} has no order`);
  return order;
}

/** Moves an authorized (or, for a late authorisation, failed) payment to captured and its order to paid. */
export function captureRazorpayPayment(state: SandboxState, payment: RzpPayment, allowFailed: boolean): RazorpayEventDraft[] {
  const capturable = payment.status === 'authorized' || (allowFailed && payment.status === 'failed');
  if (!capturable) {
    fail(rzpError(400, 'Only payments which have been authorized and not yet captured can be captured', { field: 'id' }));
  }
  const order = orderOf(state, payment);
  if (order.status === 'paid') fail(rzpError(400, 'Order is already paid', { field: 'order_id' }));
  payment.status = 'captured';
  payment.captured = true;
  order.status = 'paid';
  order.amount_paid = payment.amount;
  const snapshot = rzpPaymentView(payment);
  return [
    { event: 'payment.captured', orderId: order.id, payload: { payment: snapshot } },
    { event: 'order.paid', orderId: order.id, payload: { payment: snapshot, order: rzpOrderView(order) } },
  ];
}

/** A customer's payment attempt on an order, with the events Razorpay would emit, in order. */
export function payRazorpayOrder(
  state: SandboxState,
  order: RzpOrder,
  outcome: RazorpayOutcome,
  method: SandboxMethod,
): { payment: RzpPayment; drafts: RazorpayEventDraft[] } {
  if (order.status === 'paid') fail(rzpError(400, 'Order is already paid', { field: 'order_id' }));
  const payment: RzpPayment = {
    keyId: order.keyId,
    id: razorpayId('pay'),
    order_id: order.id,
    amount: order.amount,
    currency: order.currency,
    status: outcome === 'failed' ? 'failed' : 'authorized',
    method,
    amount_refunded: 0,
    captured: false,
    created_at: nowSeconds(),
  };
  state.rzpPayments.set(payment.id, payment);
  order.attempts += 1;
  order.status = 'attempted';
  if (outcome === 'failed') {
    return { payment, drafts: [{ event: 'payment.failed', orderId: order.id, payload: { payment: rzpPaymentView(payment) } }] };
  }
  const drafts: RazorpayEventDraft[] = [{ event: 'payment.authorized', orderId: order.id, payload: { payment: rzpPaymentView(payment) } }];
  if (outcome === 'captured') drafts.push(...captureRazorpayPayment(state, payment, false));
  return { payment, drafts };
}

export function refundRazorpayPayment(
  state: SandboxState,
  payment: RzpPayment,
  amount: number | undefined,
): { refund: RzpRefund; drafts: RazorpayEventDraft[] } {
  if (!payment.captured) fail(rzpError(400, 'The payment has not been captured yet', { field: 'id' }));
  const refundable = payment.amount - payment.amount_refunded;
  if (refundable === 0) fail(rzpError(400, 'The payment has been fully refunded already', { field: 'id' }));
  const value = amount ?? refundable;
  if (!Number.isInteger(value) || value < 100) fail(rzpError(400, 'The amount must be at least INR 1.00', { field: 'amount' }));
  if (value > refundable) fail(rzpError(400, 'The refund amount provided is greater than amount captured', { field: 'amount' }));
  const refund: RzpRefund = {
    keyId: payment.keyId,
    id: razorpayId('rfnd'),
    payment_id: payment.id,
    amount: value,
    currency: payment.currency,
    status: 'pending',
    created_at: nowSeconds(),
  };
  state.rzpRefunds.set(refund.id, refund);
  payment.amount_refunded += value;
  if (payment.amount_refunded === payment.amount) payment.status = 'refunded';
  const paymentView = rzpPaymentView(payment);
  const created = rzpRefundView(refund);
  refund.status = 'processed';
  return {
    refund,
    drafts: [
      { event: 'refund.created', orderId: payment.order_id, payload: { refund: created, payment: paymentView } },
      { event: 'refund.processed', orderId: payment.order_id, payload: { refund: rzpRefundView(refund), payment: paymentView } },
    ],
  };
}
