import { beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '@/sandbox/server';
import { call, withSandboxAndReceiver, type Receiver } from '@/sandbox/test-utils';
import { GatewayError } from './errors';
import { getGateway } from './index';
import type { GatewayEvent } from './types';

let sandbox: Sandbox;
let receiver: Receiver;
const SECRET = 'whsec_parse_test';

withSandboxAndReceiver((s, r) => {
  sandbox = s;
  receiver = r;
});
beforeEach(async () => {
  await call(`${sandbox.url}/__sandbox/reset`, { body: {} });
  receiver.received.length = 0;
});

/** Verifies and parses everything the receiver got, in arrival order. */
function parsedEvents(gateway: 'razorpay' | 'cashfree', secret: string): GatewayEvent[] {
  const adapter = getGateway(gateway);
  return receiver.received.map((req) => {
    expect(adapter.verifyWebhook({ rawBody: req.body, headers: req.headers, secrets: [secret] })).toEqual({ valid: true, secretIndex: 0 });
    return adapter.parseWebhook(req.body, req.headers);
  });
}

const sandboxCall = (path: string, body: unknown) => call(`${sandbox.url}/__sandbox${path}`, { body });

describe('parsing the sandbox webhooks', () => {
  it('Razorpay: a captured card payment, then a failed one, then a refund', async () => {
    const { keyId, keySecret } = sandbox.credentials.razorpay;
    const events = ['payment.authorized', 'payment.captured', 'payment.failed', 'order.paid', 'refund.created', 'refund.processed'];
    await sandboxCall('/razorpay/webhooks', { key_id: keyId, url: receiver.url, secret: SECRET, events });
    const auth = { authorization: `Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}` };
    const order = (await call(`${sandbox.url}/razorpay/v1/orders`, { headers: auth, body: { amount: 17000, currency: 'INR' } })).json;
    await sandboxCall('/payments', { gateway: 'razorpay', order_id: order.id, outcome: 'failed', method: 'netbanking', delivery: { wait: true } });
    const paid = await sandboxCall('/payments', { gateway: 'razorpay', order_id: order.id, outcome: 'captured', method: 'debit_card', delivery: { wait: true } });
    await sandboxCall('/refunds', { gateway: 'razorpay', payment_id: paid.json.payment.id, amount: 5000, delivery: { wait: true } });

    const parsed = parsedEvents('razorpay', SECRET);
    expect(parsed.map((e) => e.type)).toEqual([...events.slice(2, 3), ...events.slice(0, 2), 'order.paid', 'refund.created', 'refund.processed']);
    const [failed, authorized, captured, orderPaid, refundCreated, refundProcessed] = parsed;
    expect(failed).toMatchObject({ paymentStatus: 'failed', method: 'netbanking', orderId: order.id, error: { reason: 'payment_declined', source: 'bank' } });
    expect(authorized).toMatchObject({ paymentStatus: 'authorized', method: 'debit_card', amount: 17000, currency: 'INR', error: null });
    expect(captured).toMatchObject({ paymentStatus: 'captured', paymentId: paid.json.payment.id, orderId: order.id });
    expect(orderPaid).toMatchObject({ gatewayType: 'order.paid', orderId: order.id, paymentStatus: 'captured' });
    expect(refundCreated!.refund).toMatchObject({ amount: 5000, status: 'pending' });
    expect(refundProcessed!.refund).toMatchObject({ amount: 5000, status: 'processed' });
    expect(captured!.eventId).toBe(receiver.received[2]!.headers['x-razorpay-event-id']);
    expect(Math.abs(captured!.occurredAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('Cashfree: success, drop, failure and refund, with amounts back in paise', async () => {
    const { clientId, clientSecret } = sandbox.credentials.cashfree;
    const headers = { 'x-client-id': clientId, 'x-client-secret': clientSecret, 'x-api-version': '2025-01-01' };
    const create = (order_id: string) =>
      call(`${sandbox.url}/cashfree/pg/orders`, {
        headers,
        body: { order_id, order_amount: 170.5, order_currency: 'INR', customer_details: { customer_id: 'c1', customer_phone: '9999999999' }, order_meta: { notify_url: receiver.url } },
      });
    await create('cf_a');
    await sandboxCall('/payments', { gateway: 'cashfree', order_id: 'cf_a', outcome: 'dropped', method: 'upi', delivery: { wait: true } });
    await sandboxCall('/payments', { gateway: 'cashfree', order_id: 'cf_a', outcome: 'failed', method: 'wallet', delivery: { wait: true } });
    const paid = await sandboxCall('/payments', { gateway: 'cashfree', order_id: 'cf_a', outcome: 'captured', method: 'debit_card', delivery: { wait: true } });
    await sandboxCall('/refunds', { gateway: 'cashfree', payment_id: paid.json.payment.cf_payment_id, delivery: { wait: true } });

    const [dropped, failed, success, refund] = parsedEvents('cashfree', clientSecret);
    expect(dropped).toMatchObject({ type: 'payment.dropped', paymentStatus: 'dropped', method: 'upi', orderId: 'cf_a' });
    expect(failed).toMatchObject({ type: 'payment.failed', method: 'wallet', error: { code: 'TRANSACTION_DECLINED' } });
    expect(success).toMatchObject({
      type: 'payment.captured',
      gatewayType: 'PAYMENT_SUCCESS_WEBHOOK',
      paymentStatus: 'captured',
      method: 'debit_card',
      amount: 17050,
      currency: 'INR',
      paymentId: paid.json.payment.cf_payment_id,
      error: null,
    });
    expect(success!.eventId).toBe(receiver.received[2]!.headers['x-idempotency-key']);
    expect(refund).toMatchObject({ type: 'refund.processed', orderId: 'cf_a', refund: { amount: 17050, status: 'processed' } });
  });

  it('falls back to a derived event id when the header is missing, and rejects malformed bodies', () => {
    const body = JSON.stringify({
      type: 'PAYMENT_SUCCESS_WEBHOOK',
      event_time: '2025-01-15T12:20:29+05:30',
      data: { order: { order_id: 'o1' }, payment: { cf_payment_id: 42, payment_status: 'SUCCESS', payment_amount: 1, payment_currency: 'INR' } },
    });
    expect(getGateway('cashfree').parseWebhook(body, {})).toMatchObject({ eventId: '42:SUCCESS', paymentId: '42', amount: 100 });
    expect(() => getGateway('razorpay').parseWebhook('{"event":1}', {})).toThrow(GatewayError);
    expect(() => getGateway('cashfree').parseWebhook('not json', {})).toThrow(GatewayError);
  });
});
