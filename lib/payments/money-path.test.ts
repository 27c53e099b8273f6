import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/webhooks/[gateway]/[endpointId]/route';
import type { Database } from '@/db/client';
import { createApp, getApp } from '@/db/queries/apps';
import { getConnection } from '@/db/queries/gateway-connections';
import { createMerchant } from '@/db/queries/merchants';
import { listOrderPayments } from '@/db/queries/payments';
import { orders, webhookEvents } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import type { Actor } from '@/lib/apps/actor';
import { env } from '@/lib/env';
import { markNpmDone, markWebhookDone, revealWebhookSecret } from '@/lib/gateway-connections/steps';
import { submitCredentials } from '@/lib/gateway-connections/submit-credentials';
import { loadWizard } from '@/lib/gateway-connections/view';
import { runTestOrder } from '@/lib/gateway-connections/verify';
import { razorpayWebhookSignature } from '@/lib/gateways/signatures';
import { createSandbox, type Sandbox } from '@/sandbox/server';
import { call, closedPort } from '@/sandbox/test-utils';
import { reconcileOrders } from './reconcile';
import { syncOrder } from './sync';

let database: Database;
let sandbox: Sandbox;
let dashboard: Server;
let dashboardUrl: string;
/** A database that is gone: every query fails, as when the server drops mid-request. */
let gone: Database;

// The route handler reads the process-wide database: point it at this file's.
const globalForDb = globalThis as unknown as { ksPayDb?: Promise<Database> };

beforeAll(async () => {
  database = await openTestDatabase();
  globalForDb.ksPayDb = Promise.resolve(database);
  gone = await openTestDatabase();
  await gone.close();
  sandbox = await createSandbox({ port: 0, retryBaseMs: 20, maxAttempts: 3 });
  env.SANDBOX_URL = sandbox.url;
  // Our webhook route over real HTTP, as the sandbox delivers to it.
  dashboard = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const [, , , gateway = '', endpointId = ''] = (req.url ?? '').split('/');
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const response = await POST(new Request(`${dashboardUrl}${req.url}`, { method: 'POST', headers, body: Buffer.concat(chunks) }), {
      params: Promise.resolve({ gateway, endpointId }),
    });
    res.writeHead(response.status, { 'content-type': 'application/json' });
    res.end(await response.text());
  });
  await new Promise<void>((resolve) => dashboard.listen(0, '127.0.0.1', resolve));
  dashboardUrl = `http://127.0.0.1:${(dashboard.address() as AddressInfo).port}`;
  env.APP_URL = dashboardUrl;
});
afterAll(async () => {
  await sandbox.close();
  dashboard.closeAllConnections();
  await new Promise<void>((resolve) => dashboard.close(() => resolve()));
  delete globalForDb.ksPayDb;
  await database.close();
});

async function newActor(): Promise<{ actor: Actor; app: { id: string; publicId: string; email: string } }> {
  const merchantId = (await createMerchant(database.db, { email: `money-${randomBytes(4).toString('hex')}@example.com`, passwordHash: 'x' }))!.id;
  const created = await createApp(database.db, { merchantId, name: 'Money Shop', email: 'shop@example.com', country: 'IN' });
  const app = (await getApp(database.db, { merchantId, publicId: created.publicId }))!;
  return { actor: { appId: app.id, merchantId, ip: '127.0.0.1' }, app: { id: app.id, publicId: app.publicId, email: app.email } };
}

/** A fresh sandbox account connected through the wizard, verified by its real test order (stored). */
async function connected(gateway: 'razorpay' | 'cashfree') {
  const { actor, app } = await newActor();
  const account = (await call(`${sandbox.url}/__sandbox/accounts`, { body: { gateway } })).json;
  const credentials =
    gateway === 'razorpay'
      ? { gateway, keyId: account.key_id as string, keySecret: account.key_secret as string, paymentModes: ['upi' as const] }
      : { gateway, keyId: account.client_id as string, keySecret: account.client_secret as string, environment: 'sandbox' as const, paymentModes: ['upi' as const] };
  await submitCredentials(database.db, actor, credentials);
  if (gateway === 'razorpay') await markWebhookDone(database.db, actor);
  await markNpmDone(database.db, actor);
  const result = await runTestOrder(database.db, actor, app);
  expect(result.outcome).toBe('succeeded');
  const [order] = await database.db.select().from(orders).where(eq(orders.appId, actor.appId));
  const connection = (await getConnection(database.db, { appId: actor.appId }))!;
  return { actor, app, order: order!, connection, keyId: credentials.keyId };
}

const statusOf = async (orderId: string) => (await database.db.select().from(orders).where(eq(orders.id, orderId)))[0]!.status;
const logOf = (appId: string) => database.db.select().from(webhookEvents).where(eq(webhookEvents.appId, appId));

describe('the money path over HTTP, with the sandbox delivering', () => {
  it('the verification order is stored; a late-authorised payment delivered shuffled and duplicated ends PAID, a refund moves it on', async () => {
    const { actor, app, order, connection, keyId } = await connected('razorpay');
    expect(order).toMatchObject({ gateway: 'razorpay', amount: 100, currency: 'INR', mode: 'test', status: 'created', receipt: expect.stringMatching(/^ksverify_/) });
    expect(order.id).toMatch(/^ord_[0-9A-Za-z]{16}$/);
    const secret = await revealWebhookSecret(database.db, actor);
    const url = `${dashboardUrl}/api/webhooks/razorpay/${connection.webhookEndpointId}`;
    const events = ['payment.authorized', 'payment.captured', 'payment.failed', 'order.paid', 'refund.processed'];
    expect((await call(`${sandbox.url}/__sandbox/razorpay/webhooks`, { body: { key_id: keyId, url, secret, events } })).status).toBe(200);

    const delivery = { duplicates: 2, shuffle: true, concurrent: true, wait: true };
    const failed = await call(`${sandbox.url}/__sandbox/payments`, { body: { gateway: 'razorpay', order_id: order.gatewayOrderId, outcome: 'failed', method: 'upi', delivery } });
    expect(failed.status).toBe(200);
    await sandbox.idle();
    expect(await statusOf(order.id)).toBe('failed');
    const paymentId = failed.json.payment.id as string;
    expect((await call(`${sandbox.url}/__sandbox/payments/${paymentId}/capture`, { body: { delivery } })).status).toBe(200);
    await sandbox.idle();
    expect(await statusOf(order.id)).toBe('paid');
    const [payment] = await listOrderPayments(database.db, { appId: actor.appId, orderId: order.id });
    expect(payment).toMatchObject({ gatewayPaymentId: paymentId, status: 'captured', errorCode: null, method: 'upi' });
    expect((await loadWizard(database.db, app)).webhook.lastEventAt).toEqual(expect.any(String));

    // (Partial refunds are covered in receive.test.ts: the sandbox refunds at least ₹1, all of this order.)
    expect((await call(`${sandbox.url}/__sandbox/refunds`, { body: { gateway: 'razorpay', payment_id: paymentId, delivery } })).status).toBe(200);
    await sandbox.idle();
    expect(await statusOf(order.id)).toBe('refunded');

    const log = await logOf(actor.appId);
    const count = (outcome: string) => log.filter((e) => e.outcome === outcome).length;
    // Every copy the sandbox sent is a duplicate of exactly one stored event; nothing was refused.
    expect(count('rejected')).toBe(0);
    expect(count('duplicate')).toBe(2 * (count('applied') + count('stale')));
    // The failure, the late capture, the refund (`order.paid` told nothing new: stale).
    expect(count('applied')).toBe(3);
    expect(count('stale')).toBe(1);
    const { deliveries } = (await call(`${sandbox.url}/__sandbox/deliveries?order_id=${order.gatewayOrderId}`)).json;
    expect(deliveries.length).toBe(log.length);
    expect(deliveries.every((d: { ok: boolean }) => d.ok)).toBe(true);
  });

  it("a forged delivery is answered 401/400 with its reason and recorded; ids that name nothing, or another gateway's path, are 404", async () => {
    const { actor, order, connection } = await connected('razorpay');
    const url = `${dashboardUrl}/api/webhooks/razorpay/${connection.webhookEndpointId}`;
    const body = JSON.stringify({ entity: 'event', event: 'payment.captured', payload: { payment: { entity: { id: 'pay_forged', amount: 100, currency: 'INR', status: 'captured', order_id: order.gatewayOrderId } } }, created_at: 1 });
    const forged = await call(url, { body, headers: { 'x-razorpay-signature': razorpayWebhookSignature(body, 'guessed'), 'x-razorpay-event-id': 'evt_1' } });
    expect(forged).toMatchObject({ status: 401, json: { outcome: 'rejected', reason: 'signature_mismatch' } });
    expect(await call(url, { body })).toMatchObject({ status: 400, json: { outcome: 'rejected', reason: 'missing_signature' } });
    // Signed, but an event we do not handle: acknowledged (a day of retries would get the endpoint disabled).
    const secret = await revealWebhookSecret(database.db, actor);
    const unknown = JSON.stringify({ entity: 'event', event: 'payment.dispute.created', payload: {}, created_at: 2 });
    expect(await call(url, { body: unknown, headers: { 'x-razorpay-signature': razorpayWebhookSignature(unknown, secret) } })).toMatchObject({
      status: 200,
      json: { outcome: 'rejected', reason: 'unknown_event' },
    });
    expect((await call(`${dashboardUrl}/api/webhooks/razorpay/whe_short`, { body })).status).toBe(404);
    expect((await call(`${dashboardUrl}/api/webhooks/paypal/${connection.webhookEndpointId}`, { body })).status).toBe(404);
    // The endpoint is a Razorpay one: under Cashfree's path it names nothing (and nothing is recorded).
    const cashfreeScheme = { 'x-webhook-signature': 'A'.repeat(43) + '=', 'x-webhook-timestamp': '1' };
    expect((await call(`${dashboardUrl}/api/webhooks/cashfree/${connection.webhookEndpointId}`, { body, headers: cashfreeScheme })).status).toBe(404);
    expect(await statusOf(order.id)).toBe('created');
    expect((await logOf(actor.appId)).map((e) => e.rejectionReason).sort()).toEqual(['missing_signature', 'signature_mismatch', 'unknown_event']);
  });

  it('the database going away mid-delivery gets a 5xx, and the sandbox retry applies the event exactly once', async () => {
    const { actor, order, connection, keyId } = await connected('razorpay');
    const secret = await revealWebhookSecret(database.db, actor);
    const url = `${dashboardUrl}/api/webhooks/razorpay/${connection.webhookEndpointId}`;
    await call(`${sandbox.url}/__sandbox/razorpay/webhooks`, { body: { key_id: keyId, url, secret, events: ['payment.captured'] } });
    globalForDb.ksPayDb = Promise.resolve(gone);
    try {
      await call(`${sandbox.url}/__sandbox/payments`, { body: { gateway: 'razorpay', order_id: order.gatewayOrderId, outcome: 'captured', delivery: { wait: true } } });
    } finally {
      globalForDb.ksPayDb = Promise.resolve(database);
    }
    await sandbox.idle();
    const attempts = (await call(`${sandbox.url}/__sandbox/deliveries?order_id=${order.gatewayOrderId}`)).json.deliveries as { status: number; ok: boolean }[];
    expect(attempts[0]!.status).toBeGreaterThanOrEqual(500);
    expect(attempts.at(-1)!.ok).toBe(true);
    expect(await statusOf(order.id)).toBe('paid');
    expect((await logOf(actor.appId)).filter((e) => e.outcome === 'applied')).toHaveLength(1);
  });
});

describe('sync with the gateway', () => {
  it('repairs a Razorpay order whose webhooks were never delivered, recorded with source sync; a second sync is stale', async () => {
    // No webhook configured for this account: the sandbox delivers nothing.
    const { actor, order } = await connected('razorpay');
    const paid = await call(`${sandbox.url}/__sandbox/payments`, { body: { gateway: 'razorpay', order_id: order.gatewayOrderId, outcome: 'captured', method: 'netbanking' } });
    expect(paid.json.events).toEqual([]);
    expect(await statusOf(order.id)).toBe('created');
    expect(await syncOrder(database.db, { appId: actor.appId, orderId: order.id })).toEqual({ status: 'paid', applied: 1, stale: 0 });
    const [payment] = await listOrderPayments(database.db, { appId: actor.appId, orderId: order.id });
    expect(payment).toMatchObject({ gatewayPaymentId: paid.json.payment.id, status: 'captured', method: 'netbanking', amount: 100 });
    expect(await syncOrder(database.db, { appId: actor.appId, orderId: order.id })).toEqual({ status: 'paid', applied: 0, stale: 1 });
    const log = await logOf(actor.appId);
    expect(log.map((e) => [e.source, e.outcome, e.orderId]).sort()).toEqual([['sync', 'applied', order.id], ['sync', 'stale', order.id]]);
  });

  it('repairs a Cashfree order whose deliveries all failed (a dropped attempt, then a success)', async () => {
    // The notify URL the order is made with points at a closed port: every delivery is refused.
    env.APP_URL = `http://127.0.0.1:${await closedPort()}`;
    let made: Awaited<ReturnType<typeof connected>>;
    try {
      made = await connected('cashfree');
    } finally {
      env.APP_URL = dashboardUrl;
    }
    const { actor, order } = made;
    for (const outcome of ['dropped', 'captured']) {
      expect((await call(`${sandbox.url}/__sandbox/payments`, { body: { gateway: 'cashfree', order_id: order.gatewayOrderId, outcome, method: 'upi' } })).status).toBe(200);
    }
    await sandbox.idle();
    expect(await statusOf(order.id)).toBe('created');
    expect(await syncOrder(database.db, { appId: actor.appId, orderId: order.id })).toMatchObject({ status: 'paid', applied: 2 });
    const stored = await listOrderPayments(database.db, { appId: actor.appId, orderId: order.id });
    expect(stored.map((p) => p.status).sort()).toEqual(['captured', 'dropped']);
  });

  it('the reconciler syncs each stuck order once, however many instances run it at the same moment', async () => {
    const stuck = [await connected('razorpay'), await connected('razorpay')];
    for (const { order } of stuck) {
      await call(`${sandbox.url}/__sandbox/payments`, { body: { gateway: 'razorpay', order_id: order.gatewayOrderId, outcome: 'captured' } });
    }
    const settings = { quietSeconds: 0, limit: 100 };
    const rounds = await Promise.all([reconcileOrders(database.db, settings), reconcileOrders(database.db, settings), reconcileOrders(database.db, settings)]);
    const synced = rounds.flatMap((r) => r.synced);
    expect(new Set(synced).size).toBe(synced.length);
    for (const { actor, order } of stuck) {
      expect(synced).toContain(order.id);
      expect(await statusOf(order.id)).toBe('paid');
      expect((await logOf(actor.appId)).map((e) => [e.source, e.outcome])).toEqual([['sync', 'applied']]);
    }
    // Claimed for a while: the next round leaves them (and every order still claimed) alone.
    expect((await reconcileOrders(database.db, settings)).synced).toEqual([]);
  });
});
