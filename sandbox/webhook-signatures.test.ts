import { Cashfree, CFEnvironment } from 'cashfree-pg';
import Razorpay from 'razorpay';
import { describe, expect, it } from 'vitest';
import { getGateway } from '@/lib/gateways';
import type { Sandbox } from './server';
import { call, withSandboxAndReceiver, type ReceivedRequest, type Receiver } from './test-utils';

let sandbox: Sandbox;
let receiver: Receiver;
const WEBHOOK_SECRET = 'whsec_sandbox_test_1';

withSandboxAndReceiver((s, r) => {
  sandbox = s;
  receiver = r;
});

/** Flips one character of a string so exactly one byte differs. */
const flip = (s: string, at = Math.floor(s.length / 2)) => s.slice(0, at) + (s[at] === 'a' ? 'b' : 'a') + s.slice(at + 1);
const header = (req: ReceivedRequest, name: string) => String(req.headers[name]);

async function razorpayDelivery(): Promise<ReceivedRequest> {
  const { keyId, keySecret } = sandbox.credentials.razorpay;
  const auth = { authorization: `Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}` };
  await call(`${sandbox.url}/__sandbox/razorpay/webhooks`, {
    body: { key_id: keyId, url: receiver.url, secret: WEBHOOK_SECRET, events: ['payment.captured'] },
  });
  const order = (await call(`${sandbox.url}/razorpay/v1/orders`, { headers: auth, body: { amount: 17000, currency: 'INR' } })).json;
  const before = receiver.received.length;
  await call(`${sandbox.url}/__sandbox/payments`, { body: { gateway: 'razorpay', order_id: order.id, outcome: 'captured', delivery: { wait: true } } });
  const received = await receiver.waitFor(before + 1);
  return received[before]!;
}

async function cashfreeDelivery(): Promise<ReceivedRequest> {
  const { clientId, clientSecret } = sandbox.credentials.cashfree;
  const headers = { 'x-client-id': clientId, 'x-client-secret': clientSecret, 'x-api-version': '2025-01-01' };
  const body = {
    order_amount: 170,
    order_currency: 'INR',
    customer_details: { customer_id: 'c1', customer_phone: '9999999999' },
    order_meta: { notify_url: receiver.url },
  };
  const order = (await call(`${sandbox.url}/cashfree/pg/orders`, { headers, body })).json;
  const before = receiver.received.length;
  await call(`${sandbox.url}/__sandbox/payments`, { body: { gateway: 'cashfree', order_id: order.order_id, outcome: 'captured', delivery: { wait: true } } });
  const received = await receiver.waitFor(before + 1);
  return received[before]!;
}

describe('sandbox webhooks verified by independent code', () => {
  it('Razorpay: the razorpay package and our verifier accept it; one changed byte fails both', async () => {
    const req = await razorpayDelivery();
    const signature = header(req, 'x-razorpay-signature');
    expect(header(req, 'user-agent')).toBe('Razorpay-Webhook/v1');
    expect(header(req, 'x-razorpay-event-id')).toMatch(/^[A-Za-z0-9]{14}$/);
    const ours = (rawBody: string, sig: string) =>
      getGateway('razorpay').verifyWebhook({ rawBody, headers: { 'X-Razorpay-Signature': sig }, secrets: [WEBHOOK_SECRET] }).valid;

    expect(Razorpay.validateWebhookSignature(req.body, signature, WEBHOOK_SECRET)).toBe(true);
    expect(ours(req.body, signature)).toBe(true);
    for (const [body, sig] of [[flip(req.body), signature], [req.body, flip(signature)]] as const) {
      expect(Razorpay.validateWebhookSignature(body, sig, WEBHOOK_SECRET)).toBe(false);
      expect(ours(body, sig)).toBe(false);
    }
  });

  it('Cashfree: cashfree-pg and our verifier accept it; one changed byte fails both', async () => {
    const req = await cashfreeDelivery();
    const { clientId, clientSecret } = sandbox.credentials.cashfree;
    const signature = header(req, 'x-webhook-signature');
    const timestamp = header(req, 'x-webhook-timestamp');
    expect(req.body).toContain('"payment_amount":170.00');
    expect(Math.abs(Number(timestamp) - Date.now())).toBeLessThan(60_000);
    expect(header(req, 'x-webhook-version')).toBe('2025-01-01');
    expect(header(req, 'x-webhook-attempt')).toBe('1');
    expect(header(req, 'x-idempotency-key')).not.toBe('undefined');

    const cashfree = new Cashfree(CFEnvironment.SANDBOX, clientId, clientSecret, undefined, undefined, undefined, false);
    const theirs = (body: string, sig: string) => {
      try {
        return cashfree.PGVerifyWebhookSignature(sig, body, timestamp).type === 'PAYMENT_SUCCESS_WEBHOOK';
      } catch {
        return false;
      }
    };
    const ours = (rawBody: string, sig: string) =>
      getGateway('cashfree').verifyWebhook({
        rawBody,
        headers: { 'x-webhook-signature': sig, 'x-webhook-timestamp': timestamp },
        secrets: [clientSecret],
      }).valid;

    expect(theirs(req.body, signature)).toBe(true);
    expect(ours(req.body, signature)).toBe(true);
    for (const [body, sig] of [[flip(req.body), signature], [req.body, flip(signature)]] as const) {
      expect(theirs(body, sig)).toBe(false);
      expect(ours(body, sig)).toBe(false);
    }
    // Re-serialising turns 170.00 into 170 and must break the signature.
    expect(ours(JSON.stringify(JSON.parse(req.body)), signature)).toBe(false);
  });
});
