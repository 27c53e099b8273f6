import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { createApp, getApp } from '@/db/queries/apps';
import { getConnection } from '@/db/queries/gateway-connections';
import { createMerchant } from '@/db/queries/merchants';
import { getLastWebhookEventAt } from '@/db/queries/webhook-events';
import { webhookEvents } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import type { Actor } from '@/lib/apps/actor';
import { AppError } from '@/lib/errors';
import { revealWebhookSecret, rotateWebhookSecret } from '@/lib/gateway-connections/steps';
import { submitCredentials } from '@/lib/gateway-connections/submit-credentials';
import { cashfreeWebhookSignature, razorpayWebhookSignature } from '@/lib/gateways/signatures';
import { receiveWebhook } from './receive';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const RAZORPAY = { gateway: 'razorpay' as const, keyId: 'rzp_test_KsPaySandbox01', keySecret: 'sandboxSecretKsPay000001', paymentModes: ['upi' as const] };

/** Each test's own merchant and app, so no test depends on another's rows or order. */
async function newActor(): Promise<Actor> {
  const email = `hooks-${randomBytes(4).toString('hex')}@example.com`;
  const merchantId = (await createMerchant(database.db, { email, passwordHash: 'x' }))!.id;
  const created = await createApp(database.db, { merchantId, name: 'Hook Shop', email: 'h@example.com', country: 'IN' });
  const app = (await getApp(database.db, { merchantId, publicId: created.publicId }))!;
  return { appId: app.id, merchantId, ip: '127.0.0.1' };
}

/** A new app with Razorpay credentials submitted: its endpoint and webhook secret. */
async function razorpayApp() {
  const actor = await newActor();
  await submitCredentials(database.db, actor, RAZORPAY);
  const connection = (await getConnection(database.db, { appId: actor.appId }))!;
  const secret = await revealWebhookSecret(database.db, actor);
  return { actor, connection, secret };
}

const eventsOf = (appId: string) => database.db.select().from(webhookEvents).where(eq(webhookEvents.appId, appId));

const razorpayEvent = (id: string) =>
  JSON.stringify({
    entity: 'event',
    account_id: 'acc_test',
    event: 'payment.captured',
    contains: ['payment'],
    payload: { payment: { entity: { id: 'pay_1', entity: 'payment', amount: 100, currency: 'INR', status: 'captured', order_id: 'order_1', method: 'upi' } } },
    created_at: 1_700_000_000 + id.length,
  });

describe('receiveWebhook', () => {
  it('stores a correctly signed Razorpay event once, counting retries as duplicates', async () => {
    const { actor, connection, secret } = await razorpayApp();
    const body = razorpayEvent('evt_1');
    const headers = { 'x-razorpay-signature': razorpayWebhookSignature(body, secret), 'x-razorpay-event-id': 'evt_A1' };
    const input = { gateway: 'razorpay' as const, endpointId: connection.webhookEndpointId, rawBody: body, headers };
    expect(await receiveWebhook(database.db, input)).toEqual({ status: 'received' });
    const again = await Promise.all([receiveWebhook(database.db, input), receiveWebhook(database.db, input)]);
    expect(again).toEqual([{ status: 'duplicate' }, { status: 'duplicate' }]);
    const rows = await eventsOf(actor.appId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ eventId: 'evt_A1', eventType: 'payment.captured', deliveries: 3, payload: body });
    expect(await getLastWebhookEventAt(database.db, { connectionId: connection.id })).toEqual(rows[0]!.receivedAt);
    // No delivery writes the connection row that every delivery shares.
    expect((await getConnection(database.db, { appId: actor.appId }))!.updatedAt).toEqual(connection.updatedAt);
  });

  it('a signed body whose ids hold escaped control characters is stored as unparsed, not a 500', async () => {
    const { actor, connection, secret } = await razorpayApp();
    const body = razorpayEvent('evt_nul').replace('"payment.captured"', '"payment.\\u0000captured"').replace('"order_1"', '"order_\\u0000"');
    expect(body).toContain('\\u0000');
    const headers = { 'x-razorpay-signature': razorpayWebhookSignature(body, secret), 'x-razorpay-event-id': 'evt_\u0001' };
    const input = { gateway: 'razorpay' as const, endpointId: connection.webhookEndpointId, rawBody: body, headers };
    expect(await receiveWebhook(database.db, input)).toEqual({ status: 'received' });
    const [row] = await eventsOf(actor.appId);
    expect(row).toMatchObject({ eventType: 'unparsed', gatewayOrderId: null, payload: body });
    expect(row!.eventId).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('refuses a bad signature, a changed byte and an unknown endpoint, storing nothing', async () => {
    const { actor, connection, secret } = await razorpayApp();
    const body = razorpayEvent('evt_2');
    const good = razorpayWebhookSignature(body, secret);
    const attempt = (rawBody: string, signature: string, endpointId = connection.webhookEndpointId) =>
      receiveWebhook(database.db, { gateway: 'razorpay', endpointId, rawBody, headers: { 'x-razorpay-signature': signature, 'x-razorpay-event-id': 'evt_B2' } });
    await expect(attempt(body, good.replace(/.$/, (c) => (c === '0' ? '1' : '0')))).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(attempt(body.replace('captured', 'capturee'), good)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(attempt(body, '')).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(attempt(body, good, 'whe_nope')).rejects.toBeInstanceOf(AppError);
    expect(await eventsOf(actor.appId)).toHaveLength(0);
  });

  it('accepts the previous secret after a rotation', async () => {
    const { actor, connection, secret: old } = await razorpayApp();
    await rotateWebhookSecret(database.db, actor);
    const body = razorpayEvent('evt_3');
    const result = await receiveWebhook(database.db, {
      gateway: 'razorpay',
      endpointId: connection.webhookEndpointId,
      rawBody: body,
      headers: { 'x-razorpay-signature': razorpayWebhookSignature(body, old), 'x-razorpay-event-id': 'evt_C3' },
    });
    expect(result).toEqual({ status: 'received' });
  });

  it('stores the same gateway event for each app it is sent to, and a signed body it cannot parse', async () => {
    const first = await razorpayApp();
    const { actor: second, connection, secret } = await razorpayApp();
    const body = razorpayEvent('evt_1');
    for (const app of [first, { actor: second, connection, secret }]) {
      const headers = { 'x-razorpay-signature': razorpayWebhookSignature(body, app.secret), 'x-razorpay-event-id': 'evt_A1' };
      const input = { gateway: 'razorpay' as const, endpointId: app.connection.webhookEndpointId, rawBody: body, headers };
      expect(await receiveWebhook(database.db, input)).toEqual({ status: 'received' });
    }

    const garbled = 'not json at all';
    const signed = { 'x-razorpay-signature': razorpayWebhookSignature(garbled, secret) };
    expect(await receiveWebhook(database.db, { gateway: 'razorpay', endpointId: connection.webhookEndpointId, rawBody: garbled, headers: signed })).toEqual({ status: 'received' });
    const rows = [...(await eventsOf(first.actor.appId)), ...(await eventsOf(second.appId))];
    expect(rows.filter((r) => r.eventId === 'evt_A1').map((r) => r.appId).sort()).toEqual([first.actor.appId, second.appId].sort());
    expect(rows.find((r) => r.payload === garbled)).toMatchObject({ eventType: 'unparsed', eventId: expect.stringMatching(/^sha256:/) });
  });

  it('verifies Cashfree deliveries with the client secret over timestamp + raw body', async () => {
    const clientSecret = 'cfsk_ma_test_0f1e2d3c4b5a69788796a5b4c3d2e1f0_5a6b7c8d';
    const actor = await newActor();
    await submitCredentials(database.db, actor, { gateway: 'cashfree', keyId: 'TEST10a1b2c3d4e5f60718293a4b5c6d7e8f', keySecret: clientSecret, environment: 'sandbox', paymentModes: ['upi'] });
    const connection = (await getConnection(database.db, { appId: actor.appId }))!;
    const body = '{"data":{"order":{"order_id":"ks_1","order_amount":170.00,"order_currency":"INR"},"payment":{"cf_payment_id":"555","payment_status":"SUCCESS","payment_amount":170.00,"payment_currency":"INR","payment_group":"upi"}},"event_time":"2026-11-22T10:00:00+05:30","type":"PAYMENT_SUCCESS_WEBHOOK"}';
    const timestamp = String(Date.now());
    const headers = {
      'x-webhook-signature': cashfreeWebhookSignature(timestamp, body, clientSecret),
      'x-webhook-timestamp': timestamp,
      'x-idempotency-key': 'cf_evt_1',
    };
    const input = { gateway: 'cashfree' as const, endpointId: connection.webhookEndpointId, rawBody: body, headers };
    expect(await receiveWebhook(database.db, input)).toEqual({ status: 'received' });
    await expect(receiveWebhook(database.db, { ...input, rawBody: body.replace('170.00', '170') })).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
