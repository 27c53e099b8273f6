import { z } from 'zod';
import { cfOrderView, cfPaymentView, cfRefundView } from './cashfree-entities';
import { cashfreeOutgoing } from './cashfree-events';
import { payCashfreeOrder, refundCashfreePayment } from './cashfree-payments';
import { emit, type SandboxContext } from './context';
import { controlError, parseControl } from './control-errors';
import { decimalJson } from './decimal-json';
import type { DeliveryOptions } from './delivery';
import { json, rawJson, type Reply, type SandboxRequest } from './http';
import { rzpOrderView, rzpPaymentView, rzpRefundView } from './razorpay-entities';
import { razorpayOutgoing } from './razorpay-events';
import { captureRazorpayPayment, payRazorpayOrder, refundRazorpayPayment } from './razorpay-payments';
import type { Account, CfOrder, SandboxState } from './state';

const deliverySchema = z
  .object({
    duplicates: z.number().int().min(0).max(10).default(0),
    reverse: z.boolean().default(false),
    shuffle: z.boolean().default(false),
    concurrent: z.boolean().default(false),
    delay_ms: z.number().int().min(0).max(60_000).default(0),
    /** Answer only after every first delivery attempt has finished. */
    wait: z.boolean().default(false),
  })
  .prefault({});

export const paymentSchema = z.object({
  gateway: z.enum(['razorpay', 'cashfree']),
  order_id: z.string().min(1),
  client_id: z.string().optional(),
  outcome: z.enum(['captured', 'failed', 'authorized', 'dropped']),
  method: z.enum(['card', 'credit_card', 'debit_card', 'netbanking', 'wallet', 'upi']).default('card'),
  delivery: deliverySchema,
});

const refundSchema = z.object({
  gateway: z.enum(['razorpay', 'cashfree']),
  payment_id: z.string().min(1),
  amount: z.number().int().positive().optional(),
  delivery: deliverySchema,
});

const captureSchema = z.object({ delivery: deliverySchema });

type Delivery = z.infer<typeof deliverySchema>;

const options = (d: Delivery): DeliveryOptions => ({ ...d, delayMs: d.delay_ms });

function accountOf(state: SandboxState, id: string): Account {
  return state.accounts.get(id) ?? controlError(404, 'not_found', 'the account of this object no longer exists');
}

export function findCfOrder(state: SandboxState, orderId: string, clientId: string | undefined): CfOrder {
  const matches = [...state.cfOrders.values()].filter((o) => o.order_id === orderId && (!clientId || o.clientId === clientId));
  if (matches.length > 1) controlError(409, 'ambiguous', 'several accounts have this order_id: pass client_id');
  return matches[0] ?? controlError(404, 'not_found', `no Cashfree order ${orderId}`);
}

export type PaymentInput = z.infer<typeof paymentSchema>;
export const paymentMethods = paymentSchema.shape.method.unwrap().options;

export function createPayment(req: SandboxRequest, ctx: SandboxContext): Promise<Reply> {
  return payOrder(ctx, parseControl(paymentSchema, req));
}

/** A customer pays an order (the control API's and the test checkout's way): the gateway's events follow. */
export async function payOrder(ctx: SandboxContext, input: PaymentInput): Promise<Reply> {
  const { state } = ctx;
  if (input.gateway === 'razorpay') {
    const order = state.rzpOrders.get(input.order_id) ?? controlError(404, 'not_found', `no Razorpay order ${input.order_id}`);
    if (input.outcome === 'dropped') controlError(400, 'invalid_request', 'Razorpay outcomes are captured, authorized or failed');
    const { payment, drafts } = payRazorpayOrder(state, order, input.outcome, input.method);
    const events = await emit(ctx, razorpayOutgoing(state, accountOf(state, order.keyId), drafts), options(input.delivery), input.delivery.wait);
    return json(200, { payment: rzpPaymentView(payment), order: rzpOrderView(order), events });
  }
  const order = findCfOrder(state, input.order_id, input.client_id);
  if (input.outcome === 'authorized') controlError(400, 'invalid_request', 'Cashfree outcomes are captured, failed or dropped');
  const { payment, drafts } = payCashfreeOrder(state, order, input.outcome, input.method);
  const events = await emit(ctx, cashfreeOutgoing(accountOf(state, order.clientId), order, drafts), options(input.delivery), input.delivery.wait);
  return rawJson(200, decimalJson({ payment: cfPaymentView(payment, order), order: cfOrderView(order), events }));
}

/** Razorpay only: captures an authorized payment, or a failed one after a late authorisation. */
export async function capturePayment(req: SandboxRequest, ctx: SandboxContext): Promise<Reply> {
  const input = parseControl(captureSchema, req);
  const payment = ctx.state.rzpPayments.get(req.params.id ?? '') ?? controlError(404, 'not_found', 'no Razorpay payment with this id');
  const drafts = captureRazorpayPayment(ctx.state, payment, true);
  const outgoing = razorpayOutgoing(ctx.state, accountOf(ctx.state, payment.keyId), drafts);
  const events = await emit(ctx, outgoing, options(input.delivery), input.delivery.wait);
  return json(200, { payment: rzpPaymentView(payment), events });
}

export async function createRefund(req: SandboxRequest, ctx: SandboxContext): Promise<Reply> {
  const input = parseControl(refundSchema, req);
  const { state } = ctx;
  if (input.gateway === 'razorpay') {
    const payment = state.rzpPayments.get(input.payment_id) ?? controlError(404, 'not_found', 'no Razorpay payment with this id');
    const { refund, drafts } = refundRazorpayPayment(state, payment, input.amount);
    const events = await emit(ctx, razorpayOutgoing(state, accountOf(state, payment.keyId), drafts), options(input.delivery), input.delivery.wait);
    return json(200, { refund: rzpRefundView(refund), payment: rzpPaymentView(payment), events });
  }
  const payment = state.cfPayments.get(input.payment_id) ?? controlError(404, 'not_found', 'no Cashfree payment with this id');
  const order = findCfOrder(state, payment.order_id, payment.clientId);
  const { refund, drafts } = refundCashfreePayment(state, payment, input.amount);
  const events = await emit(ctx, cashfreeOutgoing(accountOf(state, payment.clientId), order, drafts), options(input.delivery), input.delivery.wait);
  return rawJson(200, decimalJson({ refund: cfRefundView(refund), payment: cfPaymentView(payment, order), events }));
}
