import { createHash } from 'node:crypto';
import { cfOrderView, cfPaymentView, istIso } from './cashfree-entities';
import { cfError } from './cashfree-errors';
import { uniqueDigits } from './cashfree-payments';
import { validateCfOrder } from './cashfree-validation';
import type { AccountContext } from './context';
import { decimalJson } from './decimal-json';
import { fail, header, parseBody, rawJson, ReplyError, type Reply, type SandboxRequest } from './http';
import { alnum } from './ids';
import { Router } from './router';
import type { CfOrder } from './state';

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

export const cfOrderKey = (clientId: string, orderId: string) => `${clientId}/${orderId}`;

function ownOrder(ctx: AccountContext, orderId: string | undefined): CfOrder {
  const order = orderId ? ctx.state.cfOrders.get(cfOrderKey(ctx.account.id, orderId)) : undefined;
  return order ?? fail(cfError(404, 'Order not found for this id', 'order_not_found'));
}

function createOrder(req: SandboxRequest, ctx: AccountContext): Reply {
  const parsed = parseBody(req);
  if (!parsed.ok) fail(cfError(400, 'request body is not valid JSON', 'request_invalid'));
  const input = validateCfOrder(parsed.value);
  const orderId = input.order_id ?? `order_${alnum(20)}`;
  const key = cfOrderKey(ctx.account.id, orderId);
  if (ctx.state.cfOrders.has(key)) fail(cfError(409, 'order with same order id exists', 'order_already_exists'));
  const now = Date.now();
  const order: CfOrder = {
    clientId: ctx.account.id,
    cf_order_id: uniqueDigits(10, (id) => [...ctx.state.cfOrders.values()].some((o) => o.cf_order_id === id)),
    order_id: orderId,
    amount: input.amount,
    currency: input.currency,
    status: 'ACTIVE',
    payment_session_id: `session_${alnum(96)}`,
    created_at: now,
    expiry_time: input.expiry_time ?? istIso(now + THIRTY_DAYS_MS),
    customer: input.customer,
    notify_url: input.notify_url,
    return_url: input.return_url,
    tags: input.tags,
    note: input.note,
  };
  ctx.state.cfOrders.set(key, order);
  return rawJson(200, decimalJson(cfOrderView(order)));
}

/**
 * `x-idempotency-key`: the first answer (errors included) is stored and replayed for the same
 * key and body; the same key with another body is a 422 idempotency_error.
 */
function idempotent(handler: (req: SandboxRequest, ctx: AccountContext) => Reply) {
  return (req: SandboxRequest, ctx: AccountContext): Reply => {
    const key = header(req, 'x-idempotency-key');
    if (!key) return handler(req, ctx);
    if (key.length > 255) fail(cfError(400, 'x-idempotency-key : should be at most 255 characters', 'x-idempotency-key_invalid'));
    const recordKey = `${ctx.account.id}/${key}`;
    const requestHash = createHash('sha256').update(`${req.method} ${req.path}\n${req.rawBody}`).digest('hex');
    const stored = ctx.state.idempotency.get(recordKey);
    if (stored) {
      if (stored.requestHash !== requestHash) {
        return cfError(422, 'idempotency key was already used with a different request', 'idempotency_error', 'idempotency_error');
      }
      return rawJson(stored.status, stored.body);
    }
    let reply: Reply;
    try {
      reply = handler(req, ctx);
    } catch (caught) {
      if (!(caught instanceof ReplyError)) throw caught;
      reply = caught.reply;
    }
    ctx.state.idempotency.set(recordKey, { requestHash, status: reply.status, body: reply.body, createdAt: Date.now() });
    return reply;
  };
}

function orderPayments(req: SandboxRequest, ctx: AccountContext): Reply {
  const order = ownOrder(ctx, req.params.order_id);
  const payments = [...ctx.state.cfPayments.values()].filter((p) => p.clientId === ctx.account.id && p.order_id === order.order_id);
  return rawJson(200, decimalJson(payments.map((p) => cfPaymentView(p, order))));
}

export const cashfreeRouter = new Router<AccountContext>()
  .on('POST', '/orders', idempotent(createOrder))
  .on('GET', '/orders/:order_id', (req, ctx) => rawJson(200, decimalJson(cfOrderView(ownOrder(ctx, req.params.order_id)))))
  .on('GET', '/orders/:order_id/payments', orderPayments);
