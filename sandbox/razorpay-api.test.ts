import Razorpay from 'razorpay';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './server';
import { call } from './test-utils';

let sandbox: Sandbox;
let auth: Record<string, string>;
const rzp = (path: string) => `${sandbox.url}/razorpay${path}`;

beforeAll(async () => {
  sandbox = await createSandbox();
  const { keyId, keySecret } = sandbox.credentials.razorpay;
  auth = { authorization: `Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}` };
});
afterAll(() => sandbox.close());
beforeEach(() => call(`${sandbox.url}/__sandbox/reset`, { body: {} }));

const createOrder = (body: unknown) => call(rzp('/v1/orders'), { headers: auth, body });

describe('Razorpay orders API', () => {
  it('creates an order shaped like Razorpay: unix created_at, empty notes as [], amounts due', async () => {
    const before = Math.floor(Date.now() / 1000);
    const { status, json } = await createOrder({ amount: 50000, currency: 'INR', receipt: 'rcpt_1' });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      entity: 'order',
      amount: 50000,
      amount_paid: 0,
      amount_due: 50000,
      currency: 'INR',
      receipt: 'rcpt_1',
      offer_id: null,
      status: 'created',
      attempts: 0,
      notes: [],
    });
    expect(json.id).toMatch(/^order_[A-Za-z0-9]{14}$/);
    expect(json.created_at).toBeGreaterThanOrEqual(before);
    expect(json.created_at).toBeLessThan(before + 5);
    const withNotes = await createOrder({ amount: 100, currency: 'INR', notes: { plan: 'gold' } });
    expect(withNotes.json.notes).toEqual({ plan: 'gold' });
    expect(withNotes.json.receipt).toBeNull();
  });

  it('works through the official SDK pointed at the sandbox, and fetches the order back', async () => {
    const { keyId, keySecret } = sandbox.credentials.razorpay;
    const sdk = new Razorpay({ key_id: keyId, key_secret: keySecret });
    (sdk.api as unknown as { rq: { defaults: { baseURL: string } } }).rq.defaults.baseURL = rzp('');
    const order = await sdk.orders.create({ amount: 2500, currency: 'INR', receipt: 'sdk_1' });
    const fetched = await sdk.orders.fetch(order.id);
    expect(fetched).toEqual(order);
    const listed = await sdk.orders.all({ receipt: 'sdk_1' });
    expect(listed.items.map((o) => o.id)).toEqual([order.id]);
  });

  it('refuses unknown keys, wrong secrets, live keys and missing auth with 401 Authentication failed', async () => {
    const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });
    const { keyId } = sandbox.credentials.razorpay;
    for (const headers of [basic(keyId, 'x'.repeat(24)), basic('rzp_test_AAAAAAAAAAAAAA', 'y'.repeat(24)), basic(`rzp_live_${'KsPaySandbox01'}`, 'z'), {}]) {
      const { status, json } = await call(rzp('/v1/orders'), { headers, body: { amount: 100, currency: 'INR' } });
      expect(status).toBe(401);
      expect(json.error).toMatchObject({ code: 'BAD_REQUEST_ERROR', description: 'Authentication failed' });
    }
  });

  const sixteenNotes = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, 'v']));
  it.each([
    ['a fractional amount', { amount: 100.5, currency: 'INR' }, 'amount', 'The amount must be an integer.'],
    ['a missing amount', { currency: 'INR' }, 'amount', 'The amount field is required.'],
    ['an amount under ₹1', { amount: 99, currency: 'INR' }, 'amount', 'Order amount less than minimum amount allowed'],
    ['a 5-letter currency', { amount: 100, currency: 'RUPEE' }, 'currency', 'The currency must be 3 characters.'],
    ['a 41-char receipt', { amount: 100, currency: 'INR', receipt: 'r'.repeat(41) }, 'receipt', 'The receipt may not be greater than 40 characters.'],
    ['16 notes', { amount: 100, currency: 'INR', notes: sixteenNotes }, 'notes', 'Number of notes should not be more than 15'],
    ['a 257-char note', { amount: 100, currency: 'INR', notes: { long: 'x'.repeat(257) } }, 'notes.long', 'The notes.long may not be greater than 256 characters.'],
    ['an unknown field', { amount: 100, currency: 'INR', colour: 'red' }, 'colour', 'colour is/are not required and should not be sent'],
  ])('rejects %s with a 400 naming the field', async (_name, body, field, description) => {
    const { status, json } = await createOrder(body);
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ code: 'BAD_REQUEST_ERROR', field, description });
  });

  it('reports the minimum-amount reason and requires receipts unique per account', async () => {
    const low = await createOrder({ amount: 50, currency: 'INR' });
    expect(low.json.error.reason).toBe('amount_less_than_minimum_amount');
    expect((await createOrder({ amount: 100, currency: 'INR', receipt: 'dup' })).status).toBe(200);
    const again = await createOrder({ amount: 100, currency: 'INR', receipt: 'dup' });
    expect(again.status).toBe(400);
    expect(again.json.error.description).toBe('Order receipt should be unique.');
  });

  it('moves an order created -> attempted -> paid, and refunds without leaving paid', async () => {
    const order = (await createOrder({ amount: 17000, currency: 'INR' })).json;
    const failed = await call(`${sandbox.url}/__sandbox/payments`, { body: { gateway: 'razorpay', order_id: order.id, outcome: 'failed' } });
    expect(failed.json.order).toMatchObject({ status: 'attempted', attempts: 1, amount_paid: 0 });
    expect(failed.json.payment).toMatchObject({ status: 'failed', error_reason: 'payment_declined', captured: false });
    const paid = await call(`${sandbox.url}/__sandbox/payments`, { body: { gateway: 'razorpay', order_id: order.id, outcome: 'captured', method: 'upi' } });
    expect(paid.json.order).toMatchObject({ status: 'paid', attempts: 2, amount_paid: 17000, amount_due: 0 });
    expect(paid.json.payment).toMatchObject({ status: 'captured', captured: true, method: 'upi', vpa: 'success@razorpay' });

    const payments = await call(rzp(`/v1/orders/${order.id}/payments`), { headers: auth });
    expect(payments.json).toMatchObject({ entity: 'collection', count: 2 });
    const refund = await call(rzp(`/v1/payments/${paid.json.payment.id}/refund`), { headers: auth, body: { amount: 7000 } });
    expect(refund.json).toMatchObject({ entity: 'refund', amount: 7000, status: 'processed', payment_id: paid.json.payment.id });
    const payment = await call(rzp(`/v1/payments/${paid.json.payment.id}`), { headers: auth });
    expect(payment.json).toMatchObject({ amount_refunded: 7000, refund_status: 'partial', status: 'captured' });
    const tooMuch = await call(rzp(`/v1/payments/${paid.json.payment.id}/refund`), { headers: auth, body: { amount: 10001 } });
    expect(tooMuch.status).toBe(400);
    expect((await call(rzp(`/v1/orders/${order.id}`), { headers: auth })).json.status).toBe('paid');
  });

  it('captures an authorized payment through POST /v1/payments/:id/capture', async () => {
    const order = (await createOrder({ amount: 5000, currency: 'INR' })).json;
    const { json } = await call(`${sandbox.url}/__sandbox/payments`, { body: { gateway: 'razorpay', order_id: order.id, outcome: 'authorized' } });
    expect(json.payment.status).toBe('authorized');
    expect(json.order.status).toBe('attempted');
    const wrongAmount = await call(rzp(`/v1/payments/${json.payment.id}/capture`), { headers: auth, body: { amount: 1, currency: 'INR' } });
    expect(wrongAmount.status).toBe(400);
    const captured = await call(rzp(`/v1/payments/${json.payment.id}/capture`), { headers: auth, body: { amount: 5000, currency: 'INR' } });
    expect(captured.json).toMatchObject({ status: 'captured', captured: true });
    expect((await call(rzp(`/v1/orders/${order.id}`), { headers: auth })).json.status).toBe('paid');
  });

  it("hides another account's orders and answers unknown ids like Razorpay", async () => {
    const order = (await createOrder({ amount: 100, currency: 'INR' })).json;
    const other = (await call(`${sandbox.url}/__sandbox/accounts`, { body: { gateway: 'razorpay' } })).json;
    expect(other.key_id).toMatch(/^rzp_test_[A-Za-z0-9]{14}$/);
    expect(other.key_secret).toHaveLength(24);
    const otherAuth = { authorization: `Basic ${Buffer.from(`${other.key_id}:${other.key_secret}`).toString('base64')}` };
    const res = await call(rzp(`/v1/orders/${order.id}`), { headers: otherAuth });
    expect(res.status).toBe(400);
    expect(res.json.error.description).toBe('The id provided does not exist');
  });

  it('captures a failed payment after a late authorisation (sandbox hook), and the order ends paid', async () => {
    const order = (await createOrder({ amount: 3000, currency: 'INR' })).json;
    const failed = await call(`${sandbox.url}/__sandbox/payments`, { body: { gateway: 'razorpay', order_id: order.id, outcome: 'failed' } });
    const late = await call(`${sandbox.url}/__sandbox/payments/${failed.json.payment.id}/capture`, { body: {} });
    expect(late.json.payment).toMatchObject({ status: 'captured', captured: true, error_code: null });
    expect((await call(rzp(`/v1/orders/${order.id}`), { headers: auth })).json).toMatchObject({ status: 'paid', amount_paid: 3000 });
    const viaApi = await call(rzp(`/v1/payments/${failed.json.payment.id}/capture`), { headers: auth, body: { amount: 3000, currency: 'INR' } });
    expect(viaApi.status).toBe(400);
  });
});
