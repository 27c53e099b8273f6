import { z } from 'zod';
import type { SandboxContext } from './context';
import type { Reply, SandboxRequest } from './http';
import { findCfOrder, payOrder, paymentMethods } from './payments';

// The test checkout a customer sees in sandbox mode, where the real gateways would show Razorpay
// Checkout or Cashfree's: the tester picks the method and the outcome, and is sent back.

const OUTCOMES = {
  razorpay: [
    ['captured', 'Payment succeeds'],
    ['failed', 'Payment fails (bank declined)'],
    ['authorized', 'Authorised, captured later'],
  ],
  cashfree: [
    ['captured', 'Payment succeeds'],
    ['failed', 'Payment fails (bank declined)'],
    ['dropped', 'Customer closes the checkout'],
  ],
} as const;

const returnUrl = z.url({ protocol: /^https?$/ }).max(2048);
const pageQuery = z.object({
  gateway: z.enum(['razorpay', 'cashfree']),
  order_id: z.string().min(1).max(64),
  return_url: returnUrl,
  attempt: z.string().regex(/^[0-9A-Za-z_-]{8,64}$/),
});
const submission = pageQuery.extend({ outcome: z.enum(['captured', 'failed', 'authorized', 'dropped']), method: z.enum(paymentMethods) });

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function html(status: number, title: string, body: string): Reply {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>
body{font-family:system-ui,sans-serif;background:#f4f4f5;color:#18181b;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border-radius:12px;box-shadow:0 1px 3px #0002;padding:24px;width:min(420px,92vw)}
h1{font-size:1.1rem;margin:0 0 4px} .amount{font-size:1.8rem;font-weight:600;margin:8px 0 16px}
fieldset{border:1px solid #e4e4e7;border-radius:8px;margin:0 0 12px;padding:8px 12px} label{display:block;padding:4px 0}
button{width:100%;padding:12px;border:0;border-radius:8px;background:#18181b;color:#fff;font-size:1rem;cursor:pointer}
.note{font-size:.8rem;color:#71717a;margin-top:12px}</style></head><body><main>${body}</main></body></html>`;
  return { status, body: page, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } };
}

const problem = (message: string) => html(400, 'Test checkout', `<h1>Test checkout</h1><p>${escape(message)}</p>`);

function orderOf(ctx: SandboxContext, gateway: 'razorpay' | 'cashfree', orderId: string) {
  if (gateway === 'razorpay') {
    const order = ctx.state.rzpOrders.get(orderId);
    return order && { amount: order.amount, currency: order.currency, paid: order.status === 'paid' };
  }
  try {
    const order = findCfOrder(ctx.state, orderId, undefined);
    return { amount: order.amount, currency: order.currency, paid: order.status === 'PAID' };
  } catch {
    return undefined;
  }
}

const formatAmount = (amount: number, currency: string) =>
  new Intl.NumberFormat('en-IN', { style: 'currency', currency }).format(amount / 100);

/** GET /__sandbox/checkout?gateway&order_id&return_url&attempt */
export function showCheckout(req: SandboxRequest, ctx: SandboxContext): Reply {
  const query = pageQuery.safeParse(Object.fromEntries(req.query));
  if (!query.success) return problem('This checkout link is incomplete. Go back to the shop and try again.');
  const { gateway, order_id, return_url, attempt } = query.data;
  const order = orderOf(ctx, gateway, order_id);
  if (!order) return problem('No such order at the sandbox.');
  if (order.paid || ctx.state.checkoutAttempts.has(attempt)) return redirect(return_url);
  const hidden = Object.entries({ gateway, order_id, return_url, attempt })
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`)
    .join('');
  const outcomes = OUTCOMES[gateway]
    .map(([value, label], i) => `<label><input type="radio" name="outcome" value="${value}"${i === 0 ? ' checked' : ''}> ${escape(label)}</label>`)
    .join('');
  const methods = paymentMethods
    .filter((m) => m !== 'card')
    .map((m, i) => `<label><input type="radio" name="method" value="${m}"${i === 0 ? ' checked' : ''}> ${escape(m.replace('_', ' '))}</label>`)
    .join('');
  const name = gateway === 'razorpay' ? 'Razorpay' : 'Cashfree';
  return html(
    200,
    `${name} test checkout`,
    `<h1>${name} test checkout</h1><div class="amount">${escape(formatAmount(order.amount, order.currency))}</div>
<form method="post" action="/__sandbox/checkout">${hidden}
<fieldset><legend>Method</legend>${methods}</fieldset><fieldset><legend>Outcome</legend>${outcomes}</fieldset>
<button type="submit">Pay ${escape(formatAmount(order.amount, order.currency))}</button></form>
<p class="note">Sandbox: no money moves. The gateway's signed webhooks follow, as they would in production.</p>`,
  );
}

/** POST /__sandbox/checkout (a form): pays once per attempt token, then back to the shop. */
export async function submitCheckout(req: SandboxRequest, ctx: SandboxContext): Promise<Reply> {
  const form = submission.safeParse(Object.fromEntries(new URLSearchParams(req.rawBody)));
  if (!form.success) return problem('Choose a method and an outcome, then pay.');
  const { gateway, order_id, return_url, attempt, outcome, method } = form.data;
  if (ctx.state.checkoutAttempts.has(attempt)) return redirect(return_url);
  // Taken before the payment is made: a second submit racing this one pays nothing.
  ctx.state.checkoutAttempts.set(attempt, { at: Date.now() });
  const reply = await payOrder(ctx, { gateway, order_id, outcome, method, delivery: { duplicates: 0, reverse: false, shuffle: false, concurrent: false, delay_ms: 0, wait: false } });
  if (reply.status !== 200) {
    ctx.state.checkoutAttempts.delete(attempt);
    return problem('The sandbox could not take this payment.');
  }
  return redirect(return_url);
}

const redirect = (location: string): Reply => ({ status: 303, body: '', headers: { location, 'cache-control': 'no-store' } });
