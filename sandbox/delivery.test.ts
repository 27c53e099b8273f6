import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getGateway } from '@/lib/gateways';
import type { DeliveryRecord } from './delivery';
import { createSandbox, type Sandbox } from './server';
import { call, closedPort, startReceiver, type Receiver } from './test-utils';

let sandbox: Sandbox;
const receivers: Receiver[] = [];

beforeAll(async () => {
  sandbox = await createSandbox({ retryBaseMs: 20, maxAttempts: 3, deliveryTimeoutMs: 300 });
});
afterEach(async () => {
  await sandbox.idle();
  await call(`${sandbox.url}/__sandbox/reset`, { body: {} });
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});
afterAll(() => sandbox.close());

async function receiver(respond?: Parameters<typeof startReceiver>[0]) {
  const r = await startReceiver(respond);
  receivers.push(r);
  return r;
}

const rzpAuth = () => {
  const { keyId, keySecret } = sandbox.credentials.razorpay;
  return { authorization: `Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}` };
};

async function razorpayOrder(url: string, secret = 'whsec_1', events = ['payment.authorized', 'payment.captured', 'order.paid']) {
  await call(`${sandbox.url}/__sandbox/razorpay/webhooks`, { body: { key_id: sandbox.credentials.razorpay.keyId, url, secret, events } });
  return (await call(`${sandbox.url}/razorpay/v1/orders`, { headers: rzpAuth(), body: { amount: 10000, currency: 'INR' } })).json.id as string;
}

const pay = (order_id: string, delivery: Record<string, unknown> = {}, gateway = 'razorpay') =>
  call(`${sandbox.url}/__sandbox/payments`, { body: { gateway, order_id, outcome: 'captured', delivery } });

const deliveries = async (orderId: string): Promise<DeliveryRecord[]> =>
  (await call(`${sandbox.url}/__sandbox/deliveries?order_id=${orderId}`)).json.deliveries;

describe('webhook delivery', () => {
  it('retries a 500 with the same event id, body and signature, and lists both attempts', async () => {
    const r = await receiver((_req, i) => (i === 0 ? 500 : 200));
    const orderId = await razorpayOrder(r.url, 'whsec_1', ['payment.captured']);
    const { json } = await pay(orderId);
    await sandbox.idle();
    expect(r.received).toHaveLength(2);
    const [first, second] = r.received;
    expect(second!.body).toBe(first!.body);
    expect(second!.headers['x-razorpay-signature']).toBe(first!.headers['x-razorpay-signature']);
    expect(second!.headers['x-razorpay-event-id']).toBe(json.events[0].event_id);
    const log = await deliveries(orderId);
    expect(log.map((d) => [d.attempt, d.status, d.ok, d.event_id])).toEqual([
      [1, 500, false, json.events[0].event_id],
      [2, 200, true, json.events[0].event_id],
    ]);
    expect(log[0]).toMatchObject({ event_type: 'payment.captured', url: r.url, error: 'HTTP 500' });
  });

  it('signs with the secret of the time of the event, even when delivered after a secret change', async () => {
    const r = await receiver((_req, i) => (i === 0 ? 500 : 200));
    const orderId = await razorpayOrder(r.url, 'old_secret', ['payment.captured']);
    await pay(orderId, { delay_ms: 100 });
    await razorpayOrder(r.url, 'new_secret', ['payment.captured']);
    await sandbox.idle();
    expect(r.received).toHaveLength(2);
    const verify = (secret: string) =>
      r.received.every((req) => getGateway('razorpay').verifyWebhook({ rawBody: req.body, headers: req.headers, secrets: [secret] }).valid);
    expect(verify('old_secret')).toBe(true);
    expect(verify('new_secret')).toBe(false);
  });

  it('gives up after maxAttempts and records a dead receiver and a slow one', async () => {
    const port = await closedPort();
    const orderId = await razorpayOrder(`http://127.0.0.1:${port}/hook`, 'whsec_1', ['order.paid']);
    await pay(orderId);
    await sandbox.idle();
    const log = await deliveries(orderId);
    expect(log.map((d) => d.attempt)).toEqual([1, 2, 3]);
    expect(log.every((d) => d.status === null && d.error === 'ECONNREFUSED')).toBe(true);

    const slow = await receiver((_req, i) => (i === 0 ? new Promise((resolve) => setTimeout(() => resolve(200), 600)) : 200));
    const slowOrder = await razorpayOrder(slow.url, 'whsec_1', ['order.paid']);
    await pay(slowOrder, { wait: true });
    const [first] = await deliveries(slowOrder);
    expect(first).toMatchObject({ ok: false, status: null, error: 'timeout after 300 ms' });
  });

  it('only sends the events the webhook subscribes to, in order by default', async () => {
    const r = await receiver();
    const orderId = await razorpayOrder(r.url);
    await pay(orderId, { wait: true });
    expect(r.received.map((req) => JSON.parse(req.body).event)).toEqual(['payment.authorized', 'payment.captured', 'order.paid']);
  });

  it('sends duplicates with the same event id, and reverses the order on request', async () => {
    const r = await receiver();
    const orderId = await razorpayOrder(r.url);
    const { json } = await pay(orderId, { duplicates: 2, reverse: true, wait: true });
    const types = r.received.map((req) => JSON.parse(req.body).event);
    expect(types.slice(0, 3)).toEqual(['order.paid', 'payment.captured', 'payment.authorized']);
    expect(types).toHaveLength(9);
    const ids = r.received.map((req) => req.headers['x-razorpay-event-id']);
    expect(new Set(ids)).toEqual(new Set(json.events.map((e: { event_id: string }) => e.event_id)));
  });

  it('shuffles and sends concurrently: every copy arrives exactly as often as asked', async () => {
    const r = await receiver();
    const orderId = await razorpayOrder(r.url);
    await pay(orderId, { duplicates: 1, shuffle: true, concurrent: true, wait: true });
    const counts = new Map<string, number>();
    for (const req of r.received) counts.set(JSON.parse(req.body).event, (counts.get(JSON.parse(req.body).event) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ 'payment.authorized': 2, 'payment.captured': 2, 'order.paid': 2 });
  });

  it('Cashfree: only 200 counts as delivered; retries bump x-webhook-attempt and keep the key', async () => {
    const r = await receiver((_req, i) => (i === 0 ? 204 : 200));
    const { clientId, clientSecret } = sandbox.credentials.cashfree;
    const headers = { 'x-client-id': clientId, 'x-client-secret': clientSecret, 'x-api-version': '2025-01-01' };
    const body = { order_amount: 1, order_currency: 'INR', order_id: 'cf_retry', customer_details: { customer_id: 'c1', customer_phone: '9999999999' }, order_meta: { notify_url: r.url } };
    await call(`${sandbox.url}/cashfree/pg/orders`, { headers, body });
    await pay('cf_retry', {}, 'cashfree');
    await sandbox.idle();
    expect(r.received.map((req) => req.headers['x-webhook-attempt'])).toEqual(['1', '2']);
    expect(new Set(r.received.map((req) => req.headers['x-idempotency-key'])).size).toBe(1);
    expect(new Set(r.received.map((req) => req.headers['x-webhook-signature'])).size).toBe(1);
    expect((await deliveries('cf_retry')).map((d) => [d.status, d.ok])).toEqual([[204, false], [200, true]]);
  });

  it('delays the first attempt by delay_ms', async () => {
    const r = await receiver();
    const orderId = await razorpayOrder(r.url, 'whsec_1', ['order.paid']);
    const started = Date.now();
    await pay(orderId, { delay_ms: 150, wait: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(r.received).toHaveLength(1);
  });
});
