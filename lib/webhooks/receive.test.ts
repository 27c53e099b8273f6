import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { createApp, getApp } from '@/db/queries/apps';
import { getConnection } from '@/db/queries/gateway-connections';
import { createMerchant } from '@/db/queries/merchants';
import { getOrder, insertOrder } from '@/db/queries/orders';
import { listOrderPayments } from '@/db/queries/payments';
import { getLastWebhookEventAt, KEPT_REJECTED } from '@/db/queries/webhook-events';
import { gatewayConnections, webhookEvents } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import type { Actor } from '@/lib/apps/actor';
import { AppError } from '@/lib/errors';
import { revealWebhookSecret, rotateWebhookSecret } from '@/lib/gateway-connections/steps';
import { submitCredentials } from '@/lib/gateway-connections/submit-credentials';
import { cashfreeWebhookSignature, hmacSha256, razorpayWebhookSignature } from '@/lib/gateways/signatures';
import { newOrderId } from '@/lib/ids';
import { MAX_REJECTED_BODY_CHARS, receiveWebhook } from './receive';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const RAZORPAY = { gateway: 'razorpay' as const, keyId: 'rzp_test_KsPaySandbox01', keySecret: 'sandboxSecretKsPay000001', paymentModes: ['upi' as const] };
const CF_SECRET = 'cfsk_ma_test_0f1e2d3c4b5a69788796a5b4c3d2e1f0_5a6b7c8d';

/** Each test's own merchant and app, so no test depends on another's rows or order. */
async function newActor(): Promise<Actor> {
  const email = `hooks-${randomBytes(4).toString('hex')}@example.com`;
  const merchantId = (await createMerchant(database.db, { email, passwordHash: 'x' }))!.id;
  const created = await createApp(database.db, { merchantId, name: 'Hook Shop', email: 'h@example.com', country: 'IN' });
  const app = (await getApp(database.db, { merchantId, publicId: created.publicId }))!;
  return { appId: app.id, merchantId, ip: '127.0.0.1' };
}

/** A new app with Razorpay credentials submitted and one order of ours (`order_1`, ₹500). */
async function razorpayApp() {
  const actor = await newActor();
  await submitCredentials(database.db, actor, RAZORPAY);
  const connection = (await getConnection(database.db, { appId: actor.appId }))!;
  const secret = await revealWebhookSecret(database.db, actor);
  const order = await insertOrder(database.db, {
    id: newOrderId(),
    appId: actor.appId,
    connectionId: connection.id,
    gateway: 'razorpay',
    gatewayOrderId: 'order_1',
    amount: 50_000,
    currency: 'INR',
    mode: 'test',
  });
  const deliver = (rawBody: string, headers: Record<string, string>) =>
    receiveWebhook(database.db, { gateway: 'razorpay', endpointId: connection.webhookEndpointId, rawBody, headers });
  const signed = (rawBody: string, eventId = `evt_${randomBytes(6).toString('hex')}`) =>
    deliver(rawBody, { 'x-razorpay-signature': razorpayWebhookSignature(rawBody, secret), 'x-razorpay-event-id': eventId });
  return { actor, connection, secret, order, deliver, signed };
}

const eventsOf = (appId: string) => database.db.select().from(webhookEvents).where(eq(webhookEvents.appId, appId)).orderBy(webhookEvents.receivedAt);
const outcomes = async (appId: string) => (await eventsOf(appId)).map((e) => e.outcome).sort();

const STATUS_OF_EVENT: Record<string, string> = {
  'payment.authorized': 'authorized',
  'payment.captured': 'captured',
  'payment.failed': 'failed',
  'order.paid': 'captured',
};

const razorpayEvent = (event: string, opts: { payment?: string; order?: string; createdAt?: number } = {}) =>
  JSON.stringify({
    entity: 'event',
    account_id: 'acc_test',
    event,
    contains: ['payment'],
    payload: {
      payment: {
        entity: {
          id: opts.payment ?? 'pay_1',
          entity: 'payment',
          amount: 50_000,
          currency: 'INR',
          status: STATUS_OF_EVENT[event] ?? 'captured',
          order_id: opts.order ?? 'order_1',
          method: 'upi',
          ...(event === 'payment.failed' && { error_code: 'BAD_REQUEST_ERROR', error_description: 'Payment failed' }),
        },
      },
    },
    created_at: opts.createdAt ?? 1_700_000_000,
  });

describe('receiveWebhook: verified events', () => {
  it('applies a signed capture once; the same body again is a duplicate, even with a fresh event-id header', async () => {
    const { actor, connection, order, signed } = await razorpayApp();
    const body = razorpayEvent('payment.captured');
    expect(await signed(body, 'evt_A1')).toEqual({ outcome: 'applied' });
    expect(await signed(body, 'evt_A1')).toEqual({ outcome: 'duplicate' });
    expect(await signed(body, 'evt_fresh_id')).toEqual({ outcome: 'duplicate' });
    expect((await getOrder(database.db, { appId: actor.appId, orderId: order.id }))!.status).toBe('paid');
    const [payment] = await listOrderPayments(database.db, { appId: actor.appId, orderId: order.id });
    expect(payment).toMatchObject({ gatewayPaymentId: 'pay_1', status: 'captured', amount: 50_000, method: 'upi' });
    const rows = await eventsOf(actor.appId);
    expect(rows.map((r) => r.outcome)).toEqual(['applied', 'duplicate', 'duplicate']);
    expect(rows[0]).toMatchObject({ eventId: 'evt_A1', eventType: 'payment.captured', orderId: order.id, payload: body, source: 'webhook' });
    // Only the first holds the dedup key; no row keeps the signature.
    expect(rows.map((r) => r.dedupKey !== null)).toEqual([true, false, false]);
    expect(rows.every((r) => !('x-razorpay-signature' in r.headers) && r.headers['x-razorpay-event-id'])).toBe(true);
    expect(await getLastWebhookEventAt(database.db, { connectionId: connection.id })).toEqual(rows[2]!.receivedAt);
    // No delivery writes the connection row that every delivery shares.
    expect((await getConnection(database.db, { appId: actor.appId }))!.updatedAt).toEqual(connection.updatedAt);
  });

  it('an event for an order we did not create is ignored, and one that changes nothing is stale', async () => {
    const { actor, signed } = await razorpayApp();
    expect(await signed(razorpayEvent('payment.captured', { order: 'order_elsewhere', payment: 'pay_x' }))).toEqual({ outcome: 'ignored' });
    expect(await signed(razorpayEvent('payment.captured', { createdAt: 1 }))).toEqual({ outcome: 'applied' });
    expect(await signed(razorpayEvent('order.paid', { createdAt: 2 }))).toEqual({ outcome: 'stale' });
    expect(await signed(razorpayEvent('payment.authorized', { createdAt: 3 }))).toEqual({ outcome: 'stale' });
    expect(await outcomes(actor.appId)).toEqual(['applied', 'ignored', 'stale', 'stale']);
  });

  it('late authorisation: failed, then authorized and captured, ends PAID; a failure after a capture is stale', async () => {
    const { actor, order, signed } = await razorpayApp();
    const status = async () => (await getOrder(database.db, { appId: actor.appId, orderId: order.id }))!.status;
    expect(await signed(razorpayEvent('payment.failed', { createdAt: 1 }))).toEqual({ outcome: 'applied' });
    expect(await status()).toBe('failed');
    const [failed] = await listOrderPayments(database.db, { appId: actor.appId, orderId: order.id });
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'BAD_REQUEST_ERROR', errorDescription: 'Payment failed' });
    expect(await signed(razorpayEvent('payment.authorized', { createdAt: 2 }))).toEqual({ outcome: 'applied' });
    expect(await status()).toBe('processing');
    expect(await signed(razorpayEvent('payment.captured', { createdAt: 3 }))).toEqual({ outcome: 'applied' });
    expect(await status()).toBe('paid');
    // Another attempt on the same order failing does not undo the payment.
    expect(await signed(razorpayEvent('payment.failed', { payment: 'pay_2', createdAt: 4 }))).toEqual({ outcome: 'applied' });
    expect(await signed(razorpayEvent('payment.failed', { createdAt: 5 }))).toEqual({ outcome: 'stale' });
    expect(await status()).toBe('paid');
  });

  it('refunds move a PAID order to partially refunded, then REFUNDED, never back', async () => {
    const { actor, order, signed } = await razorpayApp();
    const refund = (id: string, amount: number, status: string, createdAt: number) =>
      JSON.stringify({
        entity: 'event',
        event: `refund.${status}`,
        contains: ['refund', 'payment'],
        payload: {
          refund: { entity: { id, amount, status, payment_id: 'pay_1' } },
          payment: { entity: { id: 'pay_1', amount: 50_000, currency: 'INR', status: 'captured', order_id: 'order_1', method: 'upi' } },
        },
        created_at: createdAt,
      });
    const status = async () => (await getOrder(database.db, { appId: actor.appId, orderId: order.id }))!.status;
    // The refund arrives before the capture: it still means the payment was captured.
    expect(await signed(refund('rfnd_1', 20_000, 'processed', 10))).toEqual({ outcome: 'applied' });
    expect(await status()).toBe('partially_refunded');
    expect(await signed(razorpayEvent('payment.captured', { createdAt: 1 }))).toEqual({ outcome: 'stale' });
    expect(await signed(refund('rfnd_1', 20_000, 'created', 9))).toEqual({ outcome: 'stale' });
    expect(await signed(refund('rfnd_2', 30_000, 'processed', 11))).toEqual({ outcome: 'applied' });
    expect(await status()).toBe('refunded');
    const [payment] = await listOrderPayments(database.db, { appId: actor.appId, orderId: order.id });
    expect(payment).toMatchObject({ status: 'refunded', amountRefunded: 50_000 });
    expect(payment!.refunds.map((r) => [r.gatewayRefundId, r.status]).sort()).toEqual([['rfnd_1', 'processed'], ['rfnd_2', 'processed']]);
  });

  it('50 identical deliveries at once: one applied, 49 duplicates, one state change', async () => {
    const { actor, order, signed } = await razorpayApp();
    const body = razorpayEvent('payment.captured');
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => signed(body, `evt_same_${i % 3}`)));
    expect(results.filter((r) => r.outcome === 'applied')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'duplicate')).toHaveLength(49);
    const rows = await eventsOf(actor.appId);
    expect(rows).toHaveLength(50);
    expect(rows.filter((r) => r.dedupKey !== null)).toHaveLength(1);
    const payments = await listOrderPayments(database.db, { appId: actor.appId, orderId: order.id });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ status: 'captured' });
    const stored = (await getOrder(database.db, { appId: actor.appId, orderId: order.id }))!;
    expect(stored.status).toBe('paid');
    // One state change: the payment row was written once (never updated after its insert).
    expect(payments[0]!.updatedAt).toEqual(payments[0]!.createdAt);
  });

  it('concurrent different events for one order serialise on its row and end in the in-order state', async () => {
    const { actor, order, signed } = await razorpayApp();
    const events = ['payment.failed', 'payment.authorized', 'payment.captured', 'order.paid'].map((e, i) => razorpayEvent(e, { createdAt: i }));
    const results = await Promise.all(events.reverse().map((body) => signed(body)));
    expect(results.filter((r) => r.outcome === 'applied').length).toBeGreaterThanOrEqual(1);
    expect((await getOrder(database.db, { appId: actor.appId, orderId: order.id }))!.status).toBe('paid');
    const [payment] = await listOrderPayments(database.db, { appId: actor.appId, orderId: order.id });
    expect(payment).toMatchObject({ status: 'captured', errorCode: null });
  });

  it('a body too large to parse before its signature is checked is parsed once verified: applied, and refused when forged', async () => {
    const { actor, order, secret, deliver, signed } = await razorpayApp();
    const event = JSON.parse(razorpayEvent('payment.captured'));
    event.payload.payment.entity.notes = { padding: 'x'.repeat(100 * 1024) };
    const body = JSON.stringify(event);
    expect(await deliver(body, { 'x-razorpay-signature': razorpayWebhookSignature(body.replace('upi', 'card'), secret) })).toEqual({
      outcome: 'rejected',
      reason: 'signature_mismatch',
    });
    expect((await getOrder(database.db, { appId: actor.appId, orderId: order.id }))!.status).toBe('created');
    expect(await signed(body)).toEqual({ outcome: 'applied' });
    expect(await signed(body)).toEqual({ outcome: 'duplicate' });
    expect((await getOrder(database.db, { appId: actor.appId, orderId: order.id }))!.status).toBe('paid');
  });

  it('accepts the previous secret after a rotation, until it expires', async () => {
    const { actor, connection, secret: old, deliver } = await razorpayApp();
    await rotateWebhookSecret(database.db, actor);
    const body = razorpayEvent('payment.captured');
    expect(await deliver(body, { 'x-razorpay-signature': razorpayWebhookSignature(body, old) })).toEqual({ outcome: 'applied' });
    await database.db
      .update(gatewayConnections)
      .set({ previousWebhookSecretExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(gatewayConnections.id, connection.id));
    const later = razorpayEvent('payment.captured', { payment: 'pay_2', createdAt: 2 });
    expect(await deliver(later, { 'x-razorpay-signature': razorpayWebhookSignature(later, old) })).toEqual({ outcome: 'rejected', reason: 'signature_mismatch' });
  });

  it('files the same gateway event for each app it is sent to', async () => {
    const first = await razorpayApp();
    const second = await razorpayApp();
    const body = razorpayEvent('payment.captured');
    expect(await first.signed(body, 'evt_A1')).toEqual({ outcome: 'applied' });
    expect(await second.signed(body, 'evt_A1')).toEqual({ outcome: 'applied' });
  });

  it('verifies Cashfree deliveries with the client secret over timestamp + raw body, and applies them', async () => {
    const actor = await newActor();
    await submitCredentials(database.db, actor, { gateway: 'cashfree', keyId: 'TEST10a1b2c3d4e5f60718293a4b5c6d7e8f', keySecret: CF_SECRET, environment: 'sandbox', paymentModes: ['upi'] });
    const connection = (await getConnection(database.db, { appId: actor.appId }))!;
    const order = await insertOrder(database.db, { id: newOrderId(), appId: actor.appId, connectionId: connection.id, gateway: 'cashfree', gatewayOrderId: 'ks_1', amount: 17_000, currency: 'INR', mode: 'test' });
    const body = (status: string, type: string) =>
      `{"data":{"order":{"order_id":"ks_1","order_amount":170.00,"order_currency":"INR"},"payment":{"cf_payment_id":"555","payment_status":"${status}","payment_amount":170.00,"payment_currency":"INR","payment_group":"upi"}},"event_time":"2026-11-22T10:00:00+05:30","type":"${type}"}`;
    const deliver = (rawBody: string, key: string, sign = rawBody) => {
      const timestamp = String(Date.now());
      const headers = { 'x-webhook-signature': cashfreeWebhookSignature(timestamp, sign, CF_SECRET), 'x-webhook-timestamp': timestamp, 'x-idempotency-key': key };
      return receiveWebhook(database.db, { gateway: 'cashfree', endpointId: connection.webhookEndpointId, rawBody, headers });
    };
    expect(await deliver(body('USER_DROPPED', 'PAYMENT_USER_DROPPED_WEBHOOK'), 'cf_1')).toEqual({ outcome: 'applied' });
    expect((await getOrder(database.db, { appId: actor.appId, orderId: order.id }))!.status).toBe('failed');
    expect(await deliver(body('SUCCESS', 'PAYMENT_SUCCESS_WEBHOOK'), 'cf_2')).toEqual({ outcome: 'applied' });
    // A retry with a new timestamp and idempotency key, same signed body: a duplicate.
    expect(await deliver(body('SUCCESS', 'PAYMENT_SUCCESS_WEBHOOK'), 'cf_3')).toEqual({ outcome: 'duplicate' });
    expect((await getOrder(database.db, { appId: actor.appId, orderId: order.id }))!.status).toBe('paid');
    const [payment] = await listOrderPayments(database.db, { appId: actor.appId, orderId: order.id });
    expect(payment).toMatchObject({ gatewayPaymentId: '555', status: 'captured', amount: 17_000 });
    // Re-serialised (170.00 → 170): the signature no longer matches.
    const reserialised = body('SUCCESS', 'PAYMENT_SUCCESS_WEBHOOK').replace('170.00', '170');
    expect(await deliver(reserialised, 'cf_4', body('SUCCESS', 'PAYMENT_SUCCESS_WEBHOOK'))).toEqual({ outcome: 'rejected', reason: 'signature_mismatch' });
  });
});

describe('receiveWebhook: forgeries are refused, recorded, and change nothing', () => {
  it('wrong secret, a changed byte, another body, missing and empty header, hex/base64 confusion, the wrong scheme, an unknown endpoint', async () => {
    const { actor, order, secret, deliver } = await razorpayApp();
    const body = razorpayEvent('payment.captured');
    const good = razorpayWebhookSignature(body, secret);
    const other = razorpayEvent('payment.captured', { createdAt: 42 });
    const cases: [Record<string, string>, string, string][] = [
      [{ 'x-razorpay-signature': razorpayWebhookSignature(body, 'not-the-secret') }, body, 'signature_mismatch'],
      [{ 'x-razorpay-signature': good }, body.replace('50000', '50001'), 'signature_mismatch'],
      [{ 'x-razorpay-signature': good.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }, body, 'signature_mismatch'],
      [{ 'x-razorpay-signature': razorpayWebhookSignature(other, secret) }, body, 'signature_mismatch'],
      [{ authorization: 'Bearer t', cookie: 'sid=1', 'x-api-key': 'k', 'x-client-secret': 's', 'user-agent': 'Razorpay-Webhook/v1' }, body, 'missing_signature'],
      [{ 'x-razorpay-signature': '' }, body, 'missing_signature'],
      [{ 'x-razorpay-signature': hmacSha256(secret, body, 'base64') }, body, 'malformed_signature'],
      [{ 'x-razorpay-signature': good.toUpperCase() }, body, 'malformed_signature'],
      // Cashfree's scheme on a Razorpay endpoint: no Razorpay signature at all.
      [{ 'x-webhook-signature': cashfreeWebhookSignature('1', body, secret), 'x-webhook-timestamp': '1' }, body, 'missing_signature'],
    ];
    for (const [headers, rawBody, reason] of cases) {
      expect(await deliver(rawBody, { ...headers, 'x-razorpay-event-id': 'evt_forged' })).toEqual({ outcome: 'rejected', reason });
    }
    await expect(
      receiveWebhook(database.db, { gateway: 'razorpay', endpointId: 'whe_000000000000000000000000', rawBody: body, headers: { 'x-razorpay-signature': good } }),
    ).rejects.toBeInstanceOf(AppError);
    const rows = await eventsOf(actor.appId);
    expect(rows.map((r) => r.rejectionReason)).toEqual(cases.map(([, , reason]) => reason));
    // Headers are kept minus anything that may carry a secret.
    expect(rows[4]!.headers).toEqual({ 'user-agent': 'Razorpay-Webhook/v1', 'x-razorpay-event-id': 'evt_forged' });
    expect(rows.every((r) => r.outcome === 'rejected' && r.dedupKey === null && !('x-razorpay-signature' in r.headers) && !('x-webhook-signature' in r.headers))).toBe(true);
    expect((await getOrder(database.db, { appId: actor.appId, orderId: order.id }))!.status).toBe('created');
    expect(await listOrderPayments(database.db, { appId: actor.appId, orderId: order.id })).toEqual([]);
    // A rejected delivery is no sign of a working webhook.
    expect(await getLastWebhookEventAt(database.db, { connectionId: rows[0]!.connectionId! })).toBeNull();
    // The forged body later sent for real is applied: a rejection claims nothing.
    expect(await deliver(body, { 'x-razorpay-signature': good })).toEqual({ outcome: 'applied' });
  });

  it('Cashfree: a hex signature, a Razorpay-style header, a missing timestamp are refused', async () => {
    const actor = await newActor();
    await submitCredentials(database.db, actor, { gateway: 'cashfree', keyId: 'TEST10a1b2c3d4e5f60718293a4b5c6d7e8f', keySecret: CF_SECRET, environment: 'sandbox', paymentModes: ['upi'] });
    const connection = (await getConnection(database.db, { appId: actor.appId }))!;
    const body = '{"data":{},"event_time":"2026-11-22T10:00:00+05:30","type":"PAYMENT_SUCCESS_WEBHOOK"}';
    const deliver = (headers: Record<string, string>) => receiveWebhook(database.db, { gateway: 'cashfree', endpointId: connection.webhookEndpointId, rawBody: body, headers });
    const ts = '1700000000000';
    expect(await deliver({ 'x-webhook-signature': hmacSha256(CF_SECRET, ts + body, 'hex'), 'x-webhook-timestamp': ts })).toEqual({ outcome: 'rejected', reason: 'malformed_signature' });
    expect(await deliver({ 'x-razorpay-signature': razorpayWebhookSignature(body, CF_SECRET) })).toEqual({ outcome: 'rejected', reason: 'missing_signature' });
    expect(await deliver({ 'x-webhook-signature': cashfreeWebhookSignature(ts, body, CF_SECRET) })).toEqual({ outcome: 'rejected', reason: 'missing_timestamp' });
    expect(await deliver({ 'x-webhook-signature': cashfreeWebhookSignature(ts, body, 'wrong'), 'x-webhook-timestamp': ts })).toEqual({ outcome: 'rejected', reason: 'signature_mismatch' });
    expect(await outcomes(actor.appId)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
  });

  it('a signed event we do not understand is rejected as unknown, escaped NUL included, and nothing is applied', async () => {
    const { actor, order, signed } = await razorpayApp();
    expect(await signed(razorpayEvent('payment.dispute.created'))).toEqual({ outcome: 'rejected', reason: 'unknown_event' });
    expect(await signed('not json at all')).toEqual({ outcome: 'rejected', reason: 'unknown_event' });
    const nul = razorpayEvent('payment.captured').replace('"order_1"', '"order_\\u0000"');
    expect(await signed(nul, 'evt_\u0001')).toEqual({ outcome: 'rejected', reason: 'unknown_event' });
    expect((await eventsOf(actor.appId)).map((r) => r.rejectionReason)).toEqual(['unknown_event', 'unknown_event', 'unknown_event']);
    expect((await getOrder(database.db, { appId: actor.appId, orderId: order.id }))!.status).toBe('created');
  });

  it(`keeps the latest ${KEPT_REJECTED} rejected deliveries per connection, bodies cut at 16 KB`, async () => {
    const { actor, deliver } = await razorpayApp();
    const big = 'x'.repeat(MAX_REJECTED_BODY_CHARS * 3);
    expect(await deliver(big, {})).toEqual({ outcome: 'rejected', reason: 'missing_signature' });
    const [row] = await eventsOf(actor.appId);
    expect(row!.payload).toHaveLength(MAX_REJECTED_BODY_CHARS);
    for (let batch = 0; batch < 11; batch++) {
      await Promise.all(Array.from({ length: 100 }, () => deliver('{}', { 'x-razorpay-signature': 'nope' })));
    }
    // Concurrent rejections each prune what their statement saw, so a burst may leave a few over
    // the limit; the next delivery prunes back to it.
    expect((await eventsOf(actor.appId)).length).toBeLessThanOrEqual(KEPT_REJECTED + 100);
    await deliver('{}', {});
    const rows = await eventsOf(actor.appId);
    expect(rows).toHaveLength(KEPT_REJECTED);
    // The oldest (the big body) went first.
    expect(rows.some((r) => r.payload === row!.payload)).toBe(false);
  }, 60_000);
});
