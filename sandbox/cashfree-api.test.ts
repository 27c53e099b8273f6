import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './server';
import { call } from './test-utils';

let sandbox: Sandbox;
let headers: Record<string, string>;
const cf = (path: string) => `${sandbox.url}/cashfree/pg${path}`;

beforeAll(async () => {
  sandbox = await createSandbox();
  const { clientId, clientSecret } = sandbox.credentials.cashfree;
  headers = { 'x-client-id': clientId, 'x-client-secret': clientSecret, 'x-api-version': '2025-01-01' };
});
afterAll(() => sandbox.close());
beforeEach(() => call(`${sandbox.url}/__sandbox/reset`, { body: {} }));

const order = (extra: Record<string, unknown> = {}) => ({
  order_amount: 170,
  order_currency: 'INR',
  customer_details: { customer_id: 'cust42', customer_phone: '9999999999' },
  order_meta: { notify_url: 'https://example.com/hooks/cashfree' },
  ...extra,
});

describe('Cashfree orders API', () => {
  it('creates an ACTIVE order with a session id and keeps two decimals in the raw body', async () => {
    const res = await call(cf('/orders'), { headers: { ...headers, 'x-request-id': 'req-1' }, body: order({ order_id: 'ks_order_1' }) });
    expect(res.status).toBe(200);
    expect(res.text).toContain('"order_amount":170.00');
    expect(res.headers.get('x-request-id')).toBe('req-1');
    expect(res.json).toMatchObject({ order_id: 'ks_order_1', entity: 'order', order_currency: 'INR', order_status: 'ACTIVE' });
    expect(res.json.cf_order_id).toMatch(/^\d+$/);
    expect(res.json.payment_session_id).toMatch(/^session_/);
    expect(res.json.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$/);
    const fetched = await call(cf('/orders/ks_order_1'), { headers });
    expect(fetched.text).toBe(res.text);
  });

  it('needs x-api-version (400) and valid credentials (401 authentication Failed)', async () => {
    const noVersion = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'x-api-version'));
    const missing = await call(cf('/orders'), { headers: noVersion, body: order() });
    expect(missing.status).toBe(400);
    expect(missing.json.type).toBe('invalid_request_error');
    for (const bad of [{ ...headers, 'x-client-secret': 'nope' }, { ...headers, 'x-client-id': 'TEST000' }]) {
      const res = await call(cf('/orders'), { headers: bad, body: order() });
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ code: 'request_failed', message: 'authentication Failed', type: 'authentication_error' });
    }
  });

  it.each([
    ['order_amount', { order_amount: 0.5 }],
    ['order_amount', { order_amount: 1.005 }],
    ['order_currency', { order_currency: 'XYZ' }],
    ['customer_details', { customer_details: undefined }],
    ['customer_details.customer_phone', { customer_details: { customer_id: 'c1', customer_phone: '12' } }],
    ['customer_details.customer_id', { customer_details: { customer_id: 'has space', customer_phone: '9999999999' } }],
    ['order_meta.notify_url', { order_meta: { notify_url: 'http://example.com/hook' } }],
    ['order_id', { order_id: 'bad id!' }],
    ['order_tags', { order_tags: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`t${i}`, 'v'])) }],
  ])('rejects a bad %s with a 400 naming it', async (field, extra) => {
    const res = await call(cf('/orders'), { headers, body: order(extra) });
    expect(res.status).toBe(400);
    expect(res.json.type).toBe('invalid_request_error');
    expect(res.json.message.startsWith(`${field} : `)).toBe(true);
  });

  it('takes plain http notify URLs on loopback only, and rejects a reused order_id with 409', async () => {
    const local = await call(cf('/orders'), { headers, body: order({ order_id: 'o1', order_meta: { notify_url: 'http://127.0.0.1:3000/h' } }) });
    expect(local.status).toBe(200);
    const dup = await call(cf('/orders'), { headers, body: order({ order_id: 'o1' }) });
    expect(dup.status).toBe(409);
    expect(dup.json.code).toBe('order_already_exists');
  });

  it('replays the first answer for a reused idempotency key and refuses it with another body', async () => {
    const idem = { ...headers, 'x-idempotency-key': 'key-1' };
    const first = await call(cf('/orders'), { headers: idem, body: order() });
    const second = await call(cf('/orders'), { headers: idem, body: order() });
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    const other = await call(cf('/orders'), { headers: idem, body: order({ order_amount: 171 }) });
    expect(other.status).toBe(422);
    expect(other.json).toMatchObject({ code: 'idempotency_error', type: 'idempotency_error' });
  });

  it('lists payments of an order, marks it PAID on success, and refunds', async () => {
    await call(cf('/orders'), { headers, body: order({ order_id: 'pay_me' }) });
    const dropped = await call(`${sandbox.url}/__sandbox/payments`, { body: { gateway: 'cashfree', order_id: 'pay_me', outcome: 'dropped' } });
    expect(dropped.json.order.order_status).toBe('ACTIVE');
    const paid = await call(`${sandbox.url}/__sandbox/payments`, { body: { gateway: 'cashfree', order_id: 'pay_me', outcome: 'captured', method: 'upi' } });
    expect(paid.json.order.order_status).toBe('PAID');
    expect(paid.json.payment).toMatchObject({ payment_status: 'SUCCESS', payment_group: 'upi', is_captured: true });
    const payments = await call(cf('/orders/pay_me/payments'), { headers });
    expect(payments.json.map((p: { payment_status: string }) => p.payment_status)).toEqual(['USER_DROPPED', 'SUCCESS']);
    expect(payments.text).toContain('"payment_amount":170.00');
    const refund = await call(`${sandbox.url}/__sandbox/refunds`, { body: { gateway: 'cashfree', payment_id: paid.json.payment.cf_payment_id, amount: 2000 } });
    expect(refund.text).toContain('"refund_amount":20.00');
    expect(refund.json.refund).toMatchObject({ refund_status: 'SUCCESS', order_id: 'pay_me' });
    const tooMuch = await call(`${sandbox.url}/__sandbox/refunds`, { body: { gateway: 'cashfree', payment_id: paid.json.payment.cf_payment_id, amount: 15001 } });
    expect(tooMuch.status).toBe(400);
  });

  it('answers 404 for an unknown order', async () => {
    const res = await call(cf('/orders/nope'), { headers });
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('order_not_found');
  });
});
