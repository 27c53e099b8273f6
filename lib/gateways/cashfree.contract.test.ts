import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '@/sandbox/server';
import { call, closedPort } from '@/sandbox/test-utils';
import { createCashfreeGateway } from './cashfree';
import { expectGatewayError, FAST_RETRY } from './test-helpers';
import type { CashfreeCredentials, CashfreeOrderInput } from './types';

let sandbox: Sandbox;
let creds: CashfreeCredentials;
let seq = 0;

beforeAll(async () => {
  sandbox = await createSandbox();
  creds = { clientId: sandbox.credentials.cashfree.clientId, clientSecret: sandbox.credentials.cashfree.clientSecret, environment: 'sandbox' };
});
afterAll(() => sandbox.close());
beforeEach(() => call(`${sandbox.url}/__sandbox/reset`, { body: {} }));

const gateway = (options: Parameters<typeof createCashfreeGateway>[0] = {}) =>
  createCashfreeGateway({ baseUrl: `${sandbox.url}/cashfree/pg`, timeoutMs: 2000, retry: FAST_RETRY, ...options });
const input = (extra: Partial<CashfreeOrderInput> = {}): CashfreeOrderInput => ({
  amount: 12345,
  currency: 'INR',
  receipt: `ks_${++seq}`,
  customer: { id: 'cust1', phone: '9999999999', email: 'a@example.com' },
  notifyUrl: 'https://dashboard.example.com/api/webhooks/cashfree/abc',
  ...extra,
});
const fault = (body: Record<string, unknown>) => call(`${sandbox.url}/__sandbox/faults`, { body: { gateway: 'cashfree', ...body } });
const cfHeaders = () => ({ 'x-client-id': creds.clientId, 'x-client-secret': creds.clientSecret, 'x-api-version': '2025-01-01' });

describe('Cashfree adapter against the sandbox', () => {
  it('creates an order, converting paise to rupees at the edge and back', async () => {
    const order = await gateway().createOrder(creds, input({ receipt: 'ks_ok', notes: { app: 'ks' } }));
    expect(order).toMatchObject({
      gateway: 'cashfree',
      gatewayOrderId: 'ks_ok',
      receipt: 'ks_ok',
      status: 'created',
      gatewayStatus: 'ACTIVE',
      amount: 12345,
      currency: 'INR',
    });
    expect(order.paymentSessionId).toMatch(/^session_/);
    expect(order.raw).toMatchObject({ order_amount: 123.45, order_tags: { app: 'ks' }, customer_details: { customer_email: 'a@example.com' } });
  });

  it('maps bad credentials to invalid_credentials and hints at the environment', async () => {
    const wrong: CashfreeCredentials = { ...creds, clientSecret: 'cfsk_ma_test_wrongwrongwrong', environment: 'production' };
    const error = await expectGatewayError(gateway().createOrder(wrong, input()), [wrong.clientSecret, creds.clientSecret]);
    expect(error).toMatchObject({ kind: 'invalid_credentials', httpStatus: 401, gatewayMessage: 'authentication Failed' });
    expect(error.explanation).toMatch(/Sandbox \(test\) credential, but Production is selected/);
  });

  it.each([
    ['an amount under ₹1', { amount: 50 }, 'amount'],
    ['an unsupported currency', { currency: 'XYZ' }, 'currency'],
    ['a customer id with spaces', { customer: { id: 'not ok', phone: '9999999999' } }, 'customer.id'],
    ['a short phone number', { customer: { id: 'c1', phone: '123' } }, 'customer.phone'],
    ['a bad email', { customer: { id: 'c1', phone: '9999999999', email: 'nope' } }, 'customer.email'],
    ['an http notify URL', { notifyUrl: 'http://example.com/hook' }, 'notifyUrl'],
    ['a receipt with spaces', { receipt: 'has space' }, 'receipt'],
    ['11 notes', { notes: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`t${i}`, 'v'])) }, 'notes'],
  ])('maps %s to invalid_request on field %s', async (_name, extra, field) => {
    const error = await expectGatewayError(gateway().createOrder(creds, input(extra)), [creds.clientSecret]);
    expect(error).toMatchObject({ kind: 'invalid_request', field, httpStatus: 400 });
    expect(error.explanation).toContain('Cashfree rejected the');
  });

  it('maps a reused receipt (order_id) to invalid_request on receipt', async () => {
    await gateway().createOrder(creds, input({ receipt: 'ks_same' }));
    const error = await expectGatewayError(gateway().createOrder(creds, input({ receipt: 'ks_same' })), [creds.clientSecret]);
    expect(error).toMatchObject({ kind: 'invalid_request', field: 'receipt', httpStatus: 409 });
  });

  it('redacts a secret the gateway echoes back in a message', async () => {
    const error = await expectGatewayError(
      gateway().createOrder(creds, input({ customer: { id: 'c1', phone: creds.clientSecret } })),
      [creds.clientSecret],
    );
    expect(error.field).toBe('customer.phone');
    expect(error.gatewayMessage).toContain('[redacted]');
  });

  it('retries 429 and reports rate_limited', async () => {
    await fault({ status: 429, count: 3 });
    const error = await expectGatewayError(gateway().createOrder(creds, input()), [creds.clientSecret]);
    expect(error).toMatchObject({ kind: 'rate_limited', httpStatus: 429, gatewayCode: 'request_failed' });
  });

  it.each([500, 502, 504])('maps a persistent %i to unavailable', async (status) => {
    await fault({ status, count: 3 });
    const error = await expectGatewayError(gateway().createOrder(creds, input()), [creds.clientSecret]);
    expect(error).toMatchObject({ kind: 'unavailable', httpStatus: status });
  });

  it('retries with the same idempotency key: a lost response still yields one order', async () => {
    await fault({ status: 503, count: 1, after: true });
    const order = await gateway().createOrder(creds, input({ receipt: 'ks_lost', idempotencyKey: 'idem-lost' }));
    expect(order.gatewayOrderId).toBe('ks_lost');
    // Without the same key, the retry would have met a 409 for the order the first attempt made.
    const again = await call(`${sandbox.url}/cashfree/pg/orders`, {
      headers: { ...cfHeaders(), 'x-idempotency-key': 'idem-lost' },
      body: { order_id: 'ks_other', order_amount: 1, order_currency: 'INR' },
    });
    expect(again.status).toBe(422);
  });

  it('maps a timeout and a dead port to unavailable', async () => {
    await fault({ delay_ms: 600, count: 1 });
    const slow = await expectGatewayError(gateway({ timeoutMs: 150, retry: { maxAttempts: 1 } }).createOrder(creds, input()), [creds.clientSecret]);
    expect(slow).toMatchObject({ kind: 'unavailable', gatewayCode: 'TIMEOUT' });
    expect(slow.explanation).toMatch(/did not answer in time/);

    const port = await closedPort();
    const dead = createCashfreeGateway({ baseUrl: `http://127.0.0.1:${port}/pg`, retry: FAST_RETRY });
    const error = await expectGatewayError(dead.createOrder(creds, input()), [creds.clientSecret]);
    expect(error).toMatchObject({ kind: 'unavailable', gatewayCode: 'ECONNREFUSED' });
  });
});

describe('Cashfree adapter input checks', () => {
  it('calls credentials with a line break invalid instead of blaming the network', async () => {
    const pasted: CashfreeCredentials = { ...creds, clientSecret: `${creds.clientSecret}\n` };
    const error = await expectGatewayError(gateway().createOrder(pasted, input()), [creds.clientSecret]);
    expect(error.kind).toBe('invalid_credentials');
    expect(error.explanation).toMatch(/line breaks/);
  });
});
