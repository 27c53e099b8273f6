import { z } from 'zod';
import { accountView, createAccount } from './accounts';
import type { SandboxContext } from './context';
import { controlError, parseControl } from './control-errors';
import { json, type SandboxRequest } from './http';
import { showCheckout, submitCheckout } from './checkout-page';
import { capturePayment, createPayment, createRefund } from './payments';
import { RAZORPAY_EVENTS } from './razorpay-events';
import { Router } from './router';

const gateway = z.enum(['razorpay', 'cashfree']);

const webhookSchema = z.object({
  key_id: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  secret: z.string().min(1),
  events: z.array(z.enum(RAZORPAY_EVENTS)).min(1),
});

const faultSchema = z
  .object({
    gateway,
    status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).optional(),
    count: z.number().int().min(1).max(100).default(1),
    delay_ms: z.number().int().min(0).max(60_000).default(0),
    after: z.boolean().default(false),
  })
  .refine((f) => f.status !== undefined || f.delay_ms > 0, { message: 'give a status, a delay_ms, or both' });

function listAccounts(_req: SandboxRequest, ctx: SandboxContext) {
  const accounts = [...ctx.state.accounts.values()];
  return json(200, {
    razorpay: accounts.filter((a) => a.gateway === 'razorpay').map(accountView),
    cashfree: accounts.filter((a) => a.gateway === 'cashfree').map(accountView),
  });
}

function addAccount(req: SandboxRequest, ctx: SandboxContext) {
  const input = parseControl(z.object({ gateway }), req);
  return json(201, accountView(createAccount(ctx.state, input.gateway)));
}

function configureWebhook(req: SandboxRequest, ctx: SandboxContext) {
  const input = parseControl(webhookSchema, req);
  const account = ctx.state.accounts.get(input.key_id);
  if (!account || account.gateway !== 'razorpay') controlError(404, 'not_found', `no Razorpay account ${input.key_id}`);
  ctx.state.webhooks.set(input.key_id, { keyId: input.key_id, url: input.url, secret: input.secret, events: input.events });
  return json(200, { key_id: input.key_id, url: input.url, events: input.events });
}

function showWebhook(req: SandboxRequest, ctx: SandboxContext) {
  const config = ctx.state.webhooks.get(req.query.get('key_id') ?? '');
  if (!config) return controlError(404, 'not_found', 'no webhook configured for this key_id');
  return json(200, { key_id: config.keyId, url: config.url, events: config.events });
}

function addFault(req: SandboxRequest, ctx: SandboxContext) {
  const input = parseControl(faultSchema, req);
  ctx.faults.add({ gateway: input.gateway, status: input.status ?? null, delayMs: input.delay_ms, after: input.after, remaining: input.count });
  return json(201, { faults: ctx.faults.list() });
}

function deliveries(req: SandboxRequest, ctx: SandboxContext) {
  const orderId = req.query.get('order_id') ?? undefined;
  const eventId = req.query.get('event_id') ?? undefined;
  return json(200, { deliveries: ctx.deliverer.records({ orderId, eventId }) });
}

function reset(_req: SandboxRequest, ctx: SandboxContext) {
  ctx.state.reset();
  ctx.deliverer.clear();
  ctx.faults.clear();
  return json(200, { ok: true });
}

export const controlRouter = new Router<SandboxContext>()
  .on('GET', '/health', () => json(200, { ok: true }))
  .on('GET', '/accounts', listAccounts)
  .on('POST', '/accounts', addAccount)
  .on('GET', '/razorpay/webhooks', showWebhook)
  .on('POST', '/razorpay/webhooks', configureWebhook)
  .on('POST', '/payments', createPayment)
  .on('GET', '/checkout', showCheckout)
  .on('POST', '/checkout', submitCheckout)
  .on('POST', '/payments/:id/capture', capturePayment)
  .on('POST', '/refunds', createRefund)
  .on('GET', '/deliveries', deliveries)
  .on('GET', '/faults', (_req, ctx) => json(200, { faults: ctx.faults.list() }))
  .on('POST', '/faults', addFault)
  .on('POST', '/reset', reset);
