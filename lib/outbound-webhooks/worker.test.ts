import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres } from '@/db/client';
import { createApp, getApp } from '@/db/queries/apps';
import { insertEndpoint, getEndpoint } from '@/db/queries/merchant-webhook-endpoints';
import { createMerchant } from '@/db/queries/merchants';
import { claimDueDeliveries, completeAttempt, getDelivery } from '@/db/queries/outbound-deliveries';
import { outboundAttempts, outboundDeliveries } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import { encryptSecret } from '@/lib/crypto';
import { newEndpointId } from './catalogue';
import { createEndpoint, recoverEndpoint, resendEvent, revealEndpointSecret, rotateSecret, sendTestEvent } from './endpoints';
import { newSigningSecret } from './sign';
import { deliverDue, startDeliveryWorker, workerSettings } from './worker';

let database: Database & { url?: string };
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

type Answer = { status: number; headers?: Record<string, string>; body?: string; delayMs?: number };
type Received = { headers: IncomingHttpHeaders; body: string };

/** The merchant's server: answers each request as `respond` says, and keeps what it got. */
async function receiver(respond: (index: number) => Answer = () => ({ status: 200 })) {
  const received: Received[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const index = received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }) - 1;
    const answer = respond(index);
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (res.destroyed) return;
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body ?? 'ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/webhooks/kspay`,
    port,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function newApp() {
  const merchantId = (await createMerchant(database.db, { email: `worker-${randomBytes(4).toString('hex')}@example.com`, passwordHash: 'x' }))!.id;
  const { publicId } = await createApp(database.db, { merchantId, name: 'Worker Shop', email: 'w@example.com', country: 'IN' });
  return { appId: (await getApp(database.db, { merchantId, publicId }))!.id, actor: { merchantId } };
}

const fast = workerSettings({ schedule: [0.05, 0.05, 0.05, 0.05], timeoutMs: 300, leaseSeconds: 30, allowPrivate: true, pollMs: 20 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs rounds until `done` holds (or fails after a while). */
async function until(done: () => Promise<boolean>, settings = fast, db = database.db) {
  const deadline = Date.now() + 15_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('not done in time');
    await deliverDue(db, settings);
    await sleep(10);
  }
}

const deliveryOf = async (endpointId: string, eventId: string) => (await getDelivery(database.db, { endpointId, eventId }))!;

describe('the delivery worker', () => {
  it('signs every attempt as Standard Webhooks says, records it, and the reference library verifies it', async () => {
    const { appId, actor } = await newApp();
    const server = await receiver(() => ({ status: 204 }));
    const { endpoint, secret } = await createEndpoint(database.db, { appId, mode: 'test' }, { url: server.url, events: ['*'] }, actor);
    const eventId = await sendTestEvent(database.db, { appId, id: endpoint.id });
    await until(async () => (await deliveryOf(endpoint.id, eventId)).status === 'succeeded');
    const [got] = server.received;
    expect(got!.headers['webhook-id']).toBe(eventId);
    expect(got!.headers['content-type']).toBe('application/json');
    const event = new Webhook(secret).verify(got!.body, got!.headers as Record<string, string>) as { type: string; mode: string };
    expect(event).toMatchObject({ id: eventId, type: 'webhook.test', mode: 'test', data: { object: { endpoint_id: endpoint.id } } });
    const delivery = await deliveryOf(endpoint.id, eventId);
    expect(delivery).toMatchObject({ attempts: 1, lastResponseStatus: 204, nextAttemptAt: null });
    const [attempt] = delivery.attemptLog;
    expect(attempt).toMatchObject({ number: 1, status: 'succeeded', responseStatus: 204, url: server.url, error: null });
    expect(attempt!.durationMs).toBeGreaterThanOrEqual(0);
    expect(Object.keys(attempt!.requestHeaders).sort()).toEqual(['content-type', 'user-agent', 'webhook-id', 'webhook-signature', 'webhook-timestamp']);
    expect(JSON.stringify(delivery)).not.toContain(secret.slice(6));
    await server.close();
  });

  it('retries a failure, a timeout and a 429 (waiting its Retry-After), then succeeds; every attempt is in the log', async () => {
    const { appId, actor } = await newApp();
    const answers: Answer[] = [
      { status: 500, body: 'x'.repeat(10_000) },
      { status: 200, delayMs: 1000 },
      { status: 429, headers: { 'retry-after': '1' } },
      { status: 302, headers: { location: 'http://127.0.0.1:1/' } },
      { status: 200, body: 'thanks\u0000\u00ff' },
    ];
    const server = await receiver((i) => answers[i] ?? { status: 200 });
    const { endpoint } = await createEndpoint(database.db, { appId, mode: 'test' }, { url: server.url, events: ['*'] }, actor);
    const eventId = await sendTestEvent(database.db, { appId, id: endpoint.id });
    const settings = { ...fast, schedule: [0.05, 0.05, 0.05, 0.05, 0.05] };
    let after429: number | undefined;
    await until(async () => {
      const d = await deliveryOf(endpoint.id, eventId);
      if (d.lastResponseStatus === 429 && after429 === undefined) after429 = d.nextAttemptAt!.getTime() - d.updatedAt.getTime();
      return d.status === 'succeeded';
    }, settings);
    const delivery = await deliveryOf(endpoint.id, eventId);
    const attempts = [...delivery.attemptLog].reverse();
    expect(attempts.map((a) => [a.number, a.status, a.responseStatus])).toEqual([
      [1, 'failed', 500],
      [2, 'failed', null],
      [3, 'failed', 429],
      [4, 'failed', 302],
      [5, 'succeeded', 200],
    ]);
    expect(attempts[0]!.responseBody).toHaveLength(4096);
    expect(attempts[1]!.error).toMatch(/No answer within 0.3 s/);
    expect(attempts[3]!.error).toMatch(/redirects are not followed/);
    // Bytes PostgreSQL cannot store as text (NUL) are kept as U+FFFD.
    expect(attempts[4]!.responseBody).toBe('thanks\uFFFD\u00ff');
    expect(after429).toBeGreaterThanOrEqual(950);
    // Every retry carries the same webhook-id; the receiver got the redirect's answer, not its target.
    expect(new Set(server.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([eventId]));
    expect((await getEndpoint(database.db, { appId, id: endpoint.id }))!.failingSince).toBeNull();
    await server.close();
  });

  it('gives up when the schedule is used up; Recover queues the failed events again', async () => {
    const { appId, actor } = await newApp();
    let healthy = false;
    const server = await receiver(() => ({ status: healthy ? 200 : 503 }));
    const { endpoint } = await createEndpoint(database.db, { appId, mode: 'test' }, { url: server.url, events: ['*'] }, actor);
    const eventId = await sendTestEvent(database.db, { appId, id: endpoint.id });
    await until(async () => (await deliveryOf(endpoint.id, eventId)).status === 'failed');
    expect((await deliveryOf(endpoint.id, eventId)).attemptLog).toHaveLength(5);
    expect((await getEndpoint(database.db, { appId, id: endpoint.id }))!.failingSince).toBeInstanceOf(Date);
    healthy = true;
    expect(await recoverEndpoint(database.db, { appId, id: endpoint.id }, new Date(Date.now() - 3600_000), actor)).toBe(1);
    await until(async () => (await deliveryOf(endpoint.id, eventId)).status === 'succeeded');
    expect((await deliveryOf(endpoint.id, eventId)).attemptLog).toHaveLength(6);
    expect((await getEndpoint(database.db, { appId, id: endpoint.id }))!.failingSince).toBeNull();
    // Resend delivers a delivered event again, on a fresh schedule.
    await resendEvent(database.db, { appId, id: endpoint.id, eventId });
    await until(async () => (await deliveryOf(endpoint.id, eventId)).attemptLog.length === 7);
    await expect(resendEvent(database.db, { appId, id: endpoint.id, eventId: 'evt_000000000000000000000000' })).rejects.toThrow(/No such event/);
    await server.close();
  });

  it('410 Gone disables the endpoint at once; failing longer than the limit disables it too', async () => {
    const { appId, actor } = await newApp();
    const gone = await receiver(() => ({ status: 410 }));
    const first = await createEndpoint(database.db, { appId, mode: 'test' }, { url: gone.url, events: ['*'] }, actor);
    const goneEvent = await sendTestEvent(database.db, { appId, id: first.endpoint.id });
    await until(async () => (await deliveryOf(first.endpoint.id, goneEvent)).attemptLog.length === 1 && (await deliveryOf(first.endpoint.id, goneEvent)).attemptLog[0]!.status !== 'in_flight');
    expect(await getEndpoint(database.db, { appId, id: first.endpoint.id })).toMatchObject({ enabled: false, disabledReason: 'gone', disabledAt: expect.any(Date) });
    // Disabled: its pending delivery waits, nothing more is sent.
    await deliverDue(database.db, fast);
    await sleep(100);
    await deliverDue(database.db, fast);
    expect(gone.received).toHaveLength(1);

    const failing = await receiver(() => ({ status: 500 }));
    const second = await createEndpoint(database.db, { appId, mode: 'test' }, { url: failing.url, events: ['*'] }, actor);
    const failingEvent = await sendTestEvent(database.db, { appId, id: second.endpoint.id });
    const settings = { ...fast, disableAfterSeconds: 0 };
    await until(async () => !(await getEndpoint(database.db, { appId, id: second.endpoint.id }))!.enabled, settings);
    expect(await getEndpoint(database.db, { appId, id: second.endpoint.id })).toMatchObject({ enabled: false, disabledReason: 'failing' });
    expect((await deliveryOf(second.endpoint.id, failingEvent)).attemptLog.map((a) => a.status)).toEqual(['failed', 'failed']);
    await Promise.all([gone.close(), failing.close()]);
  });

  it('checks the address at connect time: a live endpoint whose name resolves to loopback is refused', async () => {
    const { appId } = await newApp();
    const server = await receiver();
    // As if the name was public when saved and now points inside (DNS rebinding).
    const endpoint = await insertEndpoint(database.db, {
      id: newEndpointId(),
      appId,
      mode: 'live',
      url: `http://localhost:${server.port}/hook`,
      description: null,
      events: ['order.paid'],
      secretSealed: encryptSecret(newSigningSecret()),
    });
    const eventId = await sendTestEvent(database.db, { appId, id: endpoint.id });
    await until(async () => (await deliveryOf(endpoint.id, eventId)).attemptLog[0]?.status === 'failed');
    expect((await deliveryOf(endpoint.id, eventId)).attemptLog[0]!.error).toMatch(/localhost resolves to .*(127\.0\.0\.1|::1).* live endpoints must be public/);
    expect(server.received).toHaveLength(0);
    await server.close();
  });

  it("an instance that cannot open the secret records a failed attempt, and sends nothing", async () => {
    const { appId } = await newApp();
    const server = await receiver();
    const { parseKeyRing, seal } = await import('@/lib/crypto/secret-box');
    const otherRing = parseKeyRing(`other:${randomBytes(32).toString('base64')}`);
    const endpoint = await insertEndpoint(database.db, {
      id: newEndpointId(),
      appId,
      mode: 'test',
      url: server.url,
      description: null,
      events: ['order.paid'],
      secretSealed: seal(otherRing, newSigningSecret()),
    });
    const eventId = await sendTestEvent(database.db, { appId, id: endpoint.id });
    await until(async () => (await deliveryOf(endpoint.id, eventId)).attemptLog[0]?.status === 'failed');
    const delivery = await deliveryOf(endpoint.id, eventId);
    expect(delivery).toMatchObject({ status: 'pending', inFlight: false, lastError: expect.stringMatching(/cannot open the signing secret/) });
    expect(server.received).toHaveLength(0);
    await server.close();
  });

  it('rotation: both secrets sign during the overlap; Reveal shows both', async () => {
    const { appId, actor } = await newApp();
    const server = await receiver();
    const { endpoint, secret: old } = await createEndpoint(database.db, { appId, mode: 'test' }, { url: server.url, events: ['*'] }, actor);
    const { secret: fresh } = await rotateSecret(database.db, { appId, id: endpoint.id }, '1h', actor);
    expect(await revealEndpointSecret(database.db, { appId, id: endpoint.id }, actor)).toMatchObject({ secret: fresh, previous: { secret: old } });
    const eventId = await sendTestEvent(database.db, { appId, id: endpoint.id });
    await until(async () => (await deliveryOf(endpoint.id, eventId)).status === 'succeeded');
    const [got] = server.received;
    expect(String(got!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [old, fresh]) expect(new Webhook(secret).verify(got!.body, got!.headers as Record<string, string>)).toBeTruthy();
    await rotateSecret(database.db, { appId, id: endpoint.id }, 'none', actor);
    expect((await revealEndpointSecret(database.db, { appId, id: endpoint.id }, actor)).previous).toBeNull();
    await server.close();
  });

  it('a worker that dies mid-delivery loses nothing: its lease runs out, the attempt is closed as abandoned and retried', async () => {
    const { appId, actor } = await newApp();
    const server = await receiver();
    const { endpoint } = await createEndpoint(database.db, { appId, mode: 'test' }, { url: server.url, events: ['*'] }, actor);
    const eventId = await sendTestEvent(database.db, { appId, id: endpoint.id });
    // The dead worker took it (and never finished).
    const [taken] = (await claimDueDeliveries(database.db, { limit: 100, leaseSeconds: 1, perEndpoint: 4, maxRetries: 4 })).filter((d) => d.eventId === eventId);
    expect(taken).toMatchObject({ eventId, number: 1 });
    await deliverDue(database.db, fast);
    expect(server.received).toHaveLength(0);
    await sleep(1100);
    await until(async () => (await deliveryOf(endpoint.id, eventId)).status === 'succeeded');
    expect((await deliveryOf(endpoint.id, eventId)).attemptLog.map((a) => [a.number, a.status])).toEqual([
      [2, 'succeeded'],
      [1, 'abandoned'],
    ]);
    // Should it wake up and report, its answer is no longer taken.
    const late = await completeAttempt(
      database.db,
      taken!,
      { succeeded: false, requestHeaders: {}, responseStatus: 500, responseBody: null, durationMs: 1, error: 'late', nextAttemptAt: new Date(), gone: false },
      fast,
    );
    expect(late.recorded).toBe(false);
    expect((await deliveryOf(endpoint.id, eventId)).status).toBe('succeeded');
    await server.close();
  });

  it('a delivery no worker finishes runs out of retries instead of looping', async () => {
    const { appId, actor } = await newApp();
    const server = await receiver();
    const { endpoint } = await createEndpoint(database.db, { appId, mode: 'test' }, { url: server.url, events: ['*'] }, actor);
    const eventId = await sendTestEvent(database.db, { appId, id: endpoint.id });
    const claim = async () => (await claimDueDeliveries(database.db, { limit: 100, leaseSeconds: 0, perEndpoint: 4, maxRetries: 2 })).filter((d) => d.eventId === eventId);
    // Taken and abandoned, three times (a worker that dies on it every time).
    for (let i = 0; i < 3; i++) expect(await claim()).toHaveLength(1);
    expect(await claim()).toHaveLength(0);
    const delivery = await deliveryOf(endpoint.id, eventId);
    expect(delivery).toMatchObject({ status: 'failed', nextAttemptAt: null, lastError: expect.stringMatching(/retries ran out/) });
    expect(delivery.attemptLog.map((a) => a.status)).toEqual(['abandoned', 'abandoned', 'abandoned']);
    await server.close();
  });

  it('one slow endpoint holds a few slots, not the queue', async () => {
    const slow = await newApp();
    const quick = await newApp();
    const stuck = await receiver(() => ({ status: 200, delayMs: 1500 }));
    const fine = await receiver();
    const a = await createEndpoint(database.db, { appId: slow.appId, mode: 'test' }, { url: stuck.url, events: ['*'] }, slow.actor);
    const b = await createEndpoint(database.db, { appId: quick.appId, mode: 'test' }, { url: fine.url, events: ['*'] }, quick.actor);
    for (let i = 0; i < 12; i++) await sendTestEvent(database.db, { appId: slow.appId, id: a.endpoint.id });
    const quickEvent = await sendTestEvent(database.db, { appId: quick.appId, id: b.endpoint.id });
    const worker = startDeliveryWorker(database.db, { ...fast, batch: 8, perEndpoint: 2, timeoutMs: 5000 });
    await until(async () => (await deliveryOf(b.endpoint.id, quickEvent)).status === 'succeeded', { ...fast, batch: 0 });
    // The quick endpoint was served while the slow one had only 2 attempts open.
    expect(stuck.received.length).toBeLessThanOrEqual(2);
    await worker.stop();
    await Promise.all([stuck.close(), fine.close()]);
  });

  it('two worker instances share the queue: every delivery made exactly once', async () => {
    const { appId, actor } = await newApp();
    const server = await receiver(() => ({ status: 200, delayMs: 5 }));
    const { endpoint } = await createEndpoint(database.db, { appId, mode: 'test' }, { url: server.url, events: ['*'] }, actor);
    // On PostgreSQL the second instance has its own connection pool, as another server would.
    const other = database.url ? await openPostgres(database.url, { migrate: false, max: 5 }) : null;
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push(await sendTestEvent(database.db, { appId, id: endpoint.id }));
    const settings = { ...fast, batch: 8, pollMs: 10, timeoutMs: 10_000 };
    const workers = [startDeliveryWorker(database.db, settings), startDeliveryWorker(other?.db ?? database.db, settings)];
    const deadline = Date.now() + 20_000;
    const delivered = async () =>
      Number(
        (
          await database.db
            .select({ n: sql<number>`count(*)` })
            .from(outboundDeliveries)
            .where(and(eq(outboundDeliveries.endpointId, endpoint.id), eq(outboundDeliveries.status, 'succeeded')))
        )[0]!.n,
      );
    while ((await delivered()) < ids.length && Date.now() < deadline) await sleep(50);
    await Promise.all(workers.map((w) => w.stop()));
    await other?.close();
    expect(await delivered()).toBe(ids.length);
    expect(server.received).toHaveLength(ids.length);
    expect(new Set(server.received.map((r) => r.headers['webhook-id']))).toEqual(new Set(ids));
    const attempts = await database.db.select().from(outboundAttempts).where(eq(outboundAttempts.endpointId, endpoint.id));
    expect(attempts).toHaveLength(ids.length);
    expect(attempts.every((a) => a.status === 'succeeded' && a.number === 1)).toBe(true);
    await server.close();
  });
});
