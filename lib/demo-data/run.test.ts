import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { POST as webhook } from '@/app/api/webhooks/[gateway]/[endpointId]/route';
import type { Database } from '@/db/client';
import { findDemoSeed, moveDemoSeed } from '@/db/queries/demo';
import { getConnection } from '@/db/queries/gateway-connections';
import { demoSeeds, orders, payments, refunds, webhookEvents } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import { authenticateApiKey } from '@/lib/api-keys/authenticate';
import { seedDemoMerchant } from '@/lib/demo';
import { env } from '@/lib/env';
import { createSandbox, type Sandbox } from '@/sandbox/server';
import { call, closedPort } from '@/sandbox/test-utils';
import { demoPlan } from './plan';
import { runDemoSeed } from './run';

let database: Database;
let sandbox: Sandbox;
let dashboard: Server;
let dashboardUrl: string;
const globalForDb = globalThis as unknown as { ksPayDb?: Promise<Database> };
const FAST = { serverTimeoutMs: 2_000, sandboxTimeoutMs: 1_000, deliveryTimeoutMs: 10_000 };
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  database = await openTestDatabase();
  globalForDb.ksPayDb = Promise.resolve(database);
  sandbox = await createSandbox({ port: 0, retryBaseMs: 20, maxAttempts: 3 });
  // Our health and webhook routes over real HTTP: the demo waits for the one, the sandbox delivers to the other.
  dashboard = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = req.url ?? '/';
    let response: Response;
    if (req.method === 'GET' && url === '/api/health') {
      response = await health();
    } else {
      const [, , , gateway = '', endpointId = ''] = url.split('/');
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const request = new Request(`${dashboardUrl}${url}`, { method: 'POST', headers, body: Buffer.concat(chunks) });
      response = await webhook(request, { params: Promise.resolve({ gateway, endpointId }) });
    }
    res.writeHead(response.status, { 'content-type': 'application/json' });
    res.end(await response.text());
  });
  await new Promise<void>((resolve) => dashboard.listen(0, '127.0.0.1', resolve));
  dashboardUrl = `http://127.0.0.1:${(dashboard.address() as AddressInfo).port}`;
  env.APP_URL = dashboardUrl;
  env.SANDBOX_URL = sandbox.url;
});
afterAll(async () => {
  await sandbox.close();
  dashboard.closeAllConnections();
  await new Promise<void>((resolve) => dashboard.close(() => resolve()));
  delete globalForDb.ksPayDb;
  await database.close();
});

// The seeding gate reads the database's kind (embedded only); the run itself is the same on both.
const asEmbedded = () => ({ ...database, kind: 'pglite' as const });
const markerStatus = async () => (await findDemoSeed(database.db))?.status;
const demoOrders = async () => {
  const seed = (await findDemoSeed(database.db))!;
  return database.db.select().from(orders).where(eq(orders.appId, seed.appId)).orderBy(asc(orders.createdAt));
};
const eventsOf = (orderId: string) =>
  database.db.select().from(webhookEvents).where(eq(webhookEvents.orderId, orderId)).orderBy(asc(webhookEvents.receivedAt));

describe('the living demo on a fresh embedded database', () => {
  it('is only for the embedded database: on PostgreSQL no demo merchant is made', async () => {
    expect(await seedDemoMerchant({ ...database, kind: 'postgres' })).toBe(false);
    expect(await runDemoSeed(database.db, FAST)).toEqual({ outcome: 'nothing_to_do' });
  });

  it('gives up cleanly, leaving the demo for the next start, when our server or the sandbox does not answer', async () => {
    expect(await seedDemoMerchant(asEmbedded())).toBe(true);
    expect(await markerStatus()).toBe('pending');
    const closed = `http://127.0.0.1:${await closedPort()}`;
    env.SANDBOX_URL = closed;
    try {
      expect(await runDemoSeed(database.db, FAST)).toEqual({ outcome: 'gave_up', reason: 'sandbox_absent' });
    } finally {
      env.SANDBOX_URL = sandbox.url;
    }
    env.APP_URL = closed;
    try {
      expect(await runDemoSeed(database.db, FAST)).toEqual({ outcome: 'gave_up', reason: 'server_unreachable' });
    } finally {
      env.APP_URL = dashboardUrl;
    }
    expect(await markerStatus()).toBe('pending');
    expect(await getConnection(database.db, { appId: (await findDemoSeed(database.db))!.appId })).toBeNull();
  });

  it('connects the Demo Store through the wizard and makes two weeks of orders through sandbox payments and webhooks', async () => {
    const result = await runDemoSeed(database.db, FAST);
    expect(result).toMatchObject({ outcome: 'done', orders: 40, undelivered: 0, secretKey: expect.stringMatching(/^sk_test_/) });
    expect(await markerStatus()).toBe('done');
    const seed = (await findDemoSeed(database.db))!;

    // Verified through the real test order; the key printed once is a real, usable secret key.
    const connection = (await getConnection(database.db, { appId: seed.appId }))!;
    expect(connection).toMatchObject({ credentialsStatus: 'verified', webhookStatus: 'verified', npmStatus: 'verified' });
    const key = await authenticateApiKey(database.db, (result as { secretKey: string }).secretKey, { kind: 'secret' });
    expect(key).toMatchObject({ appId: seed.appId, mode: 'test' });

    const all = await demoOrders();
    const count = (status: string) => all.filter((o) => o.status === status).length;
    expect({ paid: count('paid'), failed: count('failed'), refunded: count('refunded'), partly: count('partially_refunded'), created: count('created') }).toEqual({
      paid: 28,
      failed: 4,
      refunded: 3,
      partly: 2,
      created: 3, // two abandoned checkouts and the wizard's ₹1 test order
    });
    expect(all.every((o) => o.mode === 'test' && o.gateway === 'razorpay' && o.connectionId === connection.id)).toBe(true);
    expect(all[0]!.receipt).toMatch(/^ksverify_/);

    // Every delivery was signed with the Webhook step's secret and landed: nothing refused, nothing lost.
    const log = await database.db.select().from(webhookEvents).where(eq(webhookEvents.appId, seed.appId));
    const outcomes = (source: string) => log.filter((e) => e.source === source).map((e) => e.outcome);
    const tally = (list: string[]) => Object.fromEntries([...new Set(list)].map((o) => [o, list.filter((x) => x === o).length]));
    // One payment.failed, payment.captured or refund.processed applied per step; each capture's order.paid says nothing new.
    expect(tally(outcomes('webhook'))).toEqual({ applied: 44, stale: 32 });
    expect(tally(outcomes('sync'))).toEqual({ applied: 1 });
    const { deliveries } = (await call(`${sandbox.url}/__sandbox/deliveries`)).json as { deliveries: { ok: boolean; url: string }[] };
    expect(deliveries).toHaveLength(76);
    expect(deliveries.every((d) => d.ok && d.url.startsWith(`${dashboardUrl}/api/webhooks/razorpay/${connection.webhookEndpointId}`))).toBe(true);

    const plan = demoPlan();
    const byScenario = (scenario: string) => all.find((o) => o.receipt === plan.find((p) => p.scenario === scenario)!.receipt)!;

    // Repaired by sync: none of its webhooks was delivered; the sync applied the capture.
    const synced = byScenario('synced');
    expect(synced.status).toBe('paid');
    expect((await eventsOf(synced.id)).map((e) => [e.source, e.outcome, e.eventType])).toEqual([['sync', 'applied', 'sync.payment']]);

    // Late authorisation: failed first, then captured — PAID, one payment, captured.
    const late = byScenario('late_authorised');
    expect(late.status).toBe('paid');
    const latePayments = await database.db.select().from(payments).where(eq(payments.orderId, late.id));
    expect(latePayments.map((p) => p.status)).toEqual(['captured']);
    const applied = (await eventsOf(late.id)).filter((e) => e.outcome === 'applied').map((e) => e.eventType);
    expect(applied.slice(0, 2)).toEqual(['payment.failed', 'payment.captured']);

    const partly = byScenario('partly_refunded');
    const [partlyPayment] = await database.db.select().from(payments).where(eq(payments.orderId, partly.id));
    expect(partlyPayment!.amountRefunded).toBeGreaterThan(0);
    expect(partlyPayment!.amountRefunded).toBeLessThan(partly.amount);
    expect(byScenario('retried').status).toBe('paid');

    // Spread over the last 14 days, oldest first, with each order's payments, refunds and events moved along.
    const now = Date.now();
    const first = all[0]!.createdAt.getTime();
    const last = all.at(-1)!.createdAt.getTime();
    expect(first).toBeGreaterThan(now - 14 * DAY);
    expect(first).toBeLessThan(now - 13 * DAY);
    expect(last).toBeLessThan(now);
    expect(last).toBeGreaterThan(now - DAY);
    expect(new Set(all.map((o) => Math.floor((now - o.createdAt.getTime()) / DAY))).size).toBe(14);
    for (const order of all) {
      for (const event of await eventsOf(order.id)) {
        expect(event.receivedAt.getTime()).toBeGreaterThanOrEqual(order.createdAt.getTime());
        expect(event.receivedAt.getTime()).toBeLessThan(order.createdAt.getTime() + 10 * 60 * 1000);
      }
    }
    const allPayments = await database.db.select().from(payments).where(eq(payments.appId, seed.appId));
    const created = new Map(all.map((o) => [o.id, o.createdAt.getTime()]));
    expect(allPayments.every((p) => Math.abs(p.createdAt.getTime() - created.get(p.orderId)!) < 10 * 60 * 1000)).toBe(true);
    const allRefunds = await database.db.select().from(refunds).where(eq(refunds.appId, seed.appId));
    expect(allRefunds).toHaveLength(5);
    const paidAt = new Map(allPayments.map((p) => [p.id, created.get(p.orderId)!]));
    expect(allRefunds.every((r) => Math.abs(r.createdAt.getTime() - paidAt.get(r.paymentId)!) < 10 * 60 * 1000)).toBe(true);
  });

  it('runs once: a second start adds nothing, and a run that died part way is not taken up again', async () => {
    const before = (await demoOrders()).length;
    const sandboxOrders = (await call(`${sandbox.url}/__sandbox/deliveries`)).json.deliveries.length;
    expect(await seedDemoMerchant(asEmbedded())).toBe(false);
    expect(await runDemoSeed(database.db, FAST)).toEqual({ outcome: 'nothing_to_do' });
    const seed = (await findDemoSeed(database.db))!;
    await database.db.update(demoSeeds).set({ status: 'running' }).where(eq(demoSeeds.appId, seed.appId));
    expect(await runDemoSeed(database.db, FAST)).toEqual({ outcome: 'failed' });
    expect(await markerStatus()).toBe('failed');
    expect(await moveDemoSeed(database.db, { appId: seed.appId, from: 'pending', to: 'running' })).toBe(false);
    expect(await runDemoSeed(database.db, FAST)).toEqual({ outcome: 'nothing_to_do' });
    expect((await demoOrders()).length).toBe(before);
    expect((await call(`${sandbox.url}/__sandbox/deliveries`)).json.deliveries.length).toBe(sandboxOrders);
  });
});
