import type { AccountContext } from './context';
import { emit } from './context';
import { fail, isRecord, json, parseBody, type SandboxRequest } from './http';
import { razorpayId } from './ids';
import { collection, rzpOrderView, rzpPaymentView, rzpRefundView } from './razorpay-entities';
import { rzpError, rzpNotFound } from './razorpay-errors';
import { razorpayOutgoing } from './razorpay-events';
import { captureRazorpayPayment, refundRazorpayPayment } from './razorpay-payments';
import { validateRzpOrder } from './razorpay-validation';
import { Router } from './router';
import type { RzpOrder } from './state';

function body(req: SandboxRequest): unknown {
  const parsed = parseBody(req);
  return parsed.ok ? parsed.value : fail(rzpError(400, 'The request body is not valid JSON.'));
}

function ownOrder(ctx: AccountContext, id: string | undefined): RzpOrder {
  const order = id ? ctx.state.rzpOrders.get(id) : undefined;
  return order && order.keyId === ctx.account.id ? order : fail(rzpNotFound());
}

function ownPayment(ctx: AccountContext, id: string | undefined) {
  const payment = id ? ctx.state.rzpPayments.get(id) : undefined;
  return payment && payment.keyId === ctx.account.id ? payment : fail(rzpNotFound());
}

function createOrder(req: SandboxRequest, ctx: AccountContext) {
  const input = validateRzpOrder(body(req), ctx.state, ctx.account.id);
  const order: RzpOrder = {
    keyId: ctx.account.id,
    id: razorpayId('order'),
    ...input,
    amount_paid: 0,
    status: 'created',
    attempts: 0,
    created_at: Math.floor(Date.now() / 1000),
  };
  ctx.state.rzpOrders.set(order.id, order);
  return json(200, rzpOrderView(order));
}

function listOrders(req: SandboxRequest, ctx: AccountContext) {
  const count = Math.min(100, Number(req.query.get('count') ?? 10) || 10);
  const skip = Number(req.query.get('skip') ?? 0) || 0;
  const receipt = req.query.get('receipt');
  const orders = [...ctx.state.rzpOrders.values()]
    .filter((o) => o.keyId === ctx.account.id && (receipt === null || o.receipt === receipt))
    .sort((a, b) => b.created_at - a.created_at)
    .slice(skip, skip + count);
  return json(200, collection(orders.map(rzpOrderView)));
}

function orderPayments(req: SandboxRequest, ctx: AccountContext) {
  const order = ownOrder(ctx, req.params.id);
  const payments = [...ctx.state.rzpPayments.values()].filter((p) => p.order_id === order.id);
  return json(200, collection(payments.map(rzpPaymentView)));
}

async function capturePayment(req: SandboxRequest, ctx: AccountContext) {
  const payment = ownPayment(ctx, req.params.id);
  const input = body(req);
  const amount = isRecord(input) ? Number(input.amount) : NaN;
  if (amount !== payment.amount) fail(rzpError(400, 'Capture amount must be equal to the amount authorized', { field: 'amount' }));
  const drafts = captureRazorpayPayment(ctx.state, payment, false);
  await emit(ctx, razorpayOutgoing(ctx.state, ctx.account, drafts));
  return json(200, rzpPaymentView(payment));
}

async function refundPayment(req: SandboxRequest, ctx: AccountContext) {
  const payment = ownPayment(ctx, req.params.id);
  const input = body(req);
  const amount = isRecord(input) && input.amount !== undefined ? Number(input.amount) : undefined;
  const { refund, drafts } = refundRazorpayPayment(ctx.state, payment, amount);
  await emit(ctx, razorpayOutgoing(ctx.state, ctx.account, drafts));
  return json(200, rzpRefundView(refund));
}

export const razorpayRouter = new Router<AccountContext>()
  .on('POST', '/v1/orders', createOrder)
  .on('GET', '/v1/orders', listOrders)
  .on('GET', '/v1/orders/:id', (req, ctx) => json(200, rzpOrderView(ownOrder(ctx, req.params.id))))
  .on('GET', '/v1/orders/:id/payments', orderPayments)
  .on('GET', '/v1/payments/:id', (req, ctx) => json(200, rzpPaymentView(ownPayment(ctx, req.params.id))))
  .on('POST', '/v1/payments/:id/capture', capturePayment)
  .on('POST', '/v1/payments/:id/refund', refundPayment);
