import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '@/sandbox/server';
import { call, closedPort } from '@/sandbox/test-utils';
import { createRazorpayGateway } from './razorpay';
import { expectGatewayError, FAST_RETRY } from './test-helpers';
import type { CreateOrderInput, RazorpayCredentials } from './types';

let sandbox: Sandbox;
let creds: RazorpayCredentials;
let seq = 0;

beforeAll(async () => {
  sandbox = await createSandbox();
  creds = { keyId: sandbox.credentials.razorpay.keyId, keySecret: sandbox.credentials.razorpay.keySecret };
});
afterAll(() => sandbox.close());
beforeEach(() => call(`${sandbox.url}/__sandbox/reset`, { body: {} }));

const gateway = (options: Parameters<typeof createRazorpayGateway>[0] = {}) =>
  createRazorpayGateway({ baseUrl: `${sandbox.url}/razorpay`, timeoutMs: 2000, retry: FAST_RETRY, ...options });
const input = (extra: Partial<CreateOrderInput> = {}): CreateOrderInput => ({ amount: 100, currency: 'INR', receipt: `rcpt_${++seq}`, ...extra });
const fault = (body: Record<string, unknown>) => call(`${sandbox.url}/__sandbox/faults`, { body: { gateway: 'razorpay', ...body } });

describe('Razorpay adapter against the sandbox', () => {
  it('creates an order and normalises it, keeping the raw response', async () => {
    const order = await gateway().createOrder(creds, input({ amount: 50000, receipt: 'r-ok', notes: { app: 'ks' } }));
    expect(order).toMatchObject({
      gateway: 'razorpay',
      status: 'created',
      gatewayStatus: 'created',
      amount: 50000,
      currency: 'INR',
      receipt: 'r-ok',
      paymentSessionId: null,
    });
    expect(order.gatewayOrderId).toMatch(/^order_/);
    expect(order.raw).toMatchObject({ id: order.gatewayOrderId, notes: { app: 'ks' }, amount_due: 50000 });
  });

  it('maps a wrong secret to invalid_credentials without leaking it', async () => {
    const wrong = { keyId: creds.keyId, keySecret: 'WrongSecretWrongSecret00' };
    const error = await expectGatewayError(gateway().createOrder(wrong, input()), [wrong.keySecret, creds.keySecret]);
    expect(error).toMatchObject({ kind: 'invalid_credentials', httpStatus: 401, gatewayCode: 'BAD_REQUEST_ERROR', gatewayMessage: 'Authentication failed' });
    expect(error.explanation).toMatch(/Invalid API Key/);
    expect(error.retryable).toBe(false);
  });

  it('explains a live key used against the sandbox (test mode)', async () => {
    // A made-up live-mode key, assembled so it never looks like a leaked one.
    const live = { keyId: `rzp_live_${'AbCdEfGhIjKlMn'}`, keySecret: 'LiveSecretLiveSecret0000' };
    const error = await expectGatewayError(gateway().createOrder(live, input()), [live.keySecret]);
    expect(error.kind).toBe('invalid_credentials');
    expect(error.explanation).toMatch(/live-mode key \(rzp_live_…\).*test mode/);
  });

  it('refuses empty credentials before calling the gateway', async () => {
    const error = await expectGatewayError(gateway().createOrder({ keyId: '', keySecret: '' }, input()), []);
    expect(error).toMatchObject({ kind: 'invalid_credentials', httpStatus: null });
  });

  it.each([
    ['a fractional amount', { amount: 100.5 }, 'amount', /integer/],
    ['an amount under the minimum', { amount: 99 }, 'amount', /minimum/],
    ['a 5-letter currency', { currency: 'RUPEE' }, 'currency', /3 characters/],
    ['a 41-char receipt', { receipt: 'r'.repeat(41) }, 'receipt', /40 characters/],
    ['16 notes', { notes: Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, 'v'])) }, 'notes', /15/],
    ['a 257-char note', { notes: { long: 'x'.repeat(257) } }, 'notes', /256/],
  ])('maps %s to invalid_request on field %s', async (_name, extra, field, message) => {
    const error = await expectGatewayError(gateway().createOrder(creds, input(extra)), [creds.keySecret]);
    expect(error).toMatchObject({ kind: 'invalid_request', field, httpStatus: 400 });
    expect(error.gatewayMessage).toMatch(message);
    expect(error.explanation).toContain('Razorpay rejected the');
  });

  it('maps a reused receipt on a first attempt to invalid_request (receipt)', async () => {
    await gateway().createOrder(creds, input({ receipt: 'same' }));
    const error = await expectGatewayError(gateway().createOrder(creds, input({ receipt: 'same' })), [creds.keySecret]);
    expect(error).toMatchObject({ kind: 'invalid_request', field: 'receipt', gatewayMessage: 'Order receipt should be unique.' });
  });

  it('retries 429 with backoff, then reports rate_limited', async () => {
    await fault({ status: 429, count: 3 });
    const error = await expectGatewayError(gateway().createOrder(creds, input()), [creds.keySecret]);
    expect(error).toMatchObject({ kind: 'rate_limited', httpStatus: 429 });
    expect((await call(`${sandbox.url}/__sandbox/faults`)).json.faults).toEqual([]);
  });

  it.each([500, 502, 503])('maps a persistent %i to unavailable', async (status) => {
    await fault({ status, count: 3 });
    const error = await expectGatewayError(gateway().createOrder(creds, input()), [creds.keySecret]);
    expect(error).toMatchObject({ kind: 'unavailable', httpStatus: status });
    expect(error.explanation).toMatch(/try again/);
  });

  it('recovers from one 503 by retrying', async () => {
    await fault({ status: 503, count: 1 });
    const order = await gateway().createOrder(creds, input({ receipt: 'after-503' }));
    expect(order.receipt).toBe('after-503');
  });

  it('returns the one order when the response to a successful create was lost', async () => {
    await fault({ status: 500, count: 1, after: true });
    const order = await gateway().createOrder(creds, input({ receipt: 'lost-response', amount: 777 }));
    expect(order).toMatchObject({ receipt: 'lost-response', amount: 777 });
    const auth = { authorization: `Basic ${Buffer.from(`${creds.keyId}:${creds.keySecret}`).toString('base64')}` };
    const list = await call(`${sandbox.url}/razorpay/v1/orders?receipt=lost-response`, { headers: auth });
    expect(list.json.items.map((o: { id: string }) => o.id)).toEqual([order.gatewayOrderId]);
  });

  it('maps a timeout to unavailable', async () => {
    await fault({ delay_ms: 600, count: 1 });
    const error = await expectGatewayError(gateway({ timeoutMs: 150, retry: { maxAttempts: 1 } }).createOrder(creds, input()), [creds.keySecret]);
    expect(error.kind).toBe('unavailable');
    expect(error.explanation).toMatch(/did not answer in time/);
  });

  it('maps a dead port to unavailable', async () => {
    const port = await closedPort();
    const dead = createRazorpayGateway({ baseUrl: `http://127.0.0.1:${port}`, retry: FAST_RETRY });
    const error = await expectGatewayError(dead.createOrder(creds, input()), [creds.keySecret]);
    expect(error).toMatchObject({ kind: 'unavailable', gatewayCode: 'ECONNREFUSED', httpStatus: null });
    expect(error.explanation).toMatch(/could not be reached/);
  });
});
