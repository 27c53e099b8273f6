import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { listAudit } from '@/db/queries/audit';
import { createApp } from '@/db/queries/apps';
import { getConnection } from '@/db/queries/gateway-connections';
import { createMerchant } from '@/db/queries/merchants';
import { eq } from 'drizzle-orm';
import { gatewayConnections, gatewayCredentials } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { createSandbox } from '@/sandbox/server';
import type { Credentials } from '@/lib/validations/gateway';
import { markNpmDone, markWebhookDone, resetGateway, revealWebhookSecret, rotateWebhookSecret } from './steps';
import type { Actor } from '@/lib/apps/actor';
import { submitCredentials } from './submit-credentials';
import { loadWizard } from './view';
import { runTestOrder } from './verify';

let database: Database;
let sandbox: Awaited<ReturnType<typeof createSandbox>>;
let merchantId: string;
let app: { id: string; publicId: string; email: string };
let actor: Actor;

const RZP = { keyId: 'rzp_test_KsPaySandbox01', keySecret: 'sandboxSecretKsPay000001' };
const CF = { keyId: 'TEST10a1b2c3d4e5f60718293a4b5c6d7e8f', keySecret: 'cfsk_ma_test_0f1e2d3c4b5a69788796a5b4c3d2e1f0_5a6b7c8d' };
const razorpay = (keySecret = RZP.keySecret): Credentials => ({ gateway: 'razorpay', keyId: RZP.keyId, keySecret, paymentModes: ['upi'] });

beforeAll(async () => {
  database = await openTestDatabase();
  sandbox = await createSandbox({ port: 0 });
  env.SANDBOX_URL = sandbox.url; // the gateway layer reads it per call
  merchantId = (await createMerchant(database.db, { email: 'wizard@example.com', passwordHash: 'x' }))!.id;
});
afterAll(async () => {
  await sandbox.close();
  await database.close();
});
beforeEach(async () => {
  const created = await createApp(database.db, { merchantId, name: 'Wizard Shop', email: 'shop@example.com', country: 'IN' });
  app = { id: (await database.db.query.apps.findFirst({ where: (a, { eq }) => eq(a.publicId, created.publicId) }))!.id, publicId: created.publicId, email: created.email };
  actor = { appId: app.id, merchantId, ip: '203.0.113.7' };
});

async function readySteps() {
  await markWebhookDone(database.db, actor);
  await markNpmDone(database.db, actor);
}

const conflict = (promise: Promise<unknown>) => expect(promise).rejects.toBeInstanceOf(AppError);

describe('the wizard page', () => {
  it('renders without writing: no connection before the first action', async () => {
    const view = await loadWizard(database.db, app);
    expect(view.statuses).toEqual({ credentials: 'pending', webhook: 'pending', npm: 'pending', security: 'pending' });
    expect(view.webhook.url).toBeNull();
    expect(await getConnection(database.db, { appId: app.id })).toBeNull();
    await markNpmDone(database.db, actor);
    expect((await loadWizard(database.db, app)).webhook.url).toMatch(/\/api\/webhooks\/razorpay\/whe_/);
  });
});

describe('Razorpay', () => {
  it('verifies steps 1–3 with one test order and stores the secret sealed', async () => {
    await submitCredentials(database.db, actor, razorpay());
    await conflict(runTestOrder(database.db, actor, app)); // webhook and NPM not done yet
    await readySteps();
    const result = await runTestOrder(database.db, actor, app);
    expect(result).toMatchObject({ outcome: 'succeeded', gatewayOrderId: expect.stringMatching(/^order_/) });
    const view = await loadWizard(database.db, app);
    expect(view.statuses).toEqual({ credentials: 'verified', webhook: 'verified', npm: 'verified', security: 'pending' });
    expect(view.verifiedCredentials).toMatchObject({ keyId: RZP.keyId, secretHint: '0001', mode: 'test', verifiedAt: expect.any(String) });
    expect(JSON.stringify(view)).not.toContain(RZP.keySecret);
    const stored = await database.db.select().from(gatewayCredentials);
    expect(stored.every((c) => !c.secret.includes(RZP.keySecret))).toBe(true);
    await conflict(runTestOrder(database.db, actor, app)); // already verified: no second order
  });

  it('wrong secret: attempt 1 fails in plain words, re-entering grants attempt 2', async () => {
    await submitCredentials(database.db, actor, razorpay('wrongSecretKsPay00000000'));
    await readySteps();
    const failed = await runTestOrder(database.db, actor, app);
    expect(failed.outcome).toBe('failed');
    expect('message' in failed && failed.message).toMatch(/key/i);
    const afterFailure = await loadWizard(database.db, app);
    expect(afterFailure.statuses.credentials).toBe('failed');
    expect(afterFailure.lastFailure).toBe('message' in failed && failed.message);
    expect(afterFailure.attemptsLeft).toBe(0);
    await conflict(runTestOrder(database.db, actor, app)); // must re-enter first
    await expect(submitCredentials(database.db, actor, razorpay(''))).rejects.toMatchObject({
      fieldErrors: { keySecret: ['Enter the Key Secret'] },
    });
    await submitCredentials(database.db, actor, razorpay());
    expect(await runTestOrder(database.db, actor, app)).toMatchObject({ outcome: 'succeeded' });
  });

  it('wrong twice locks the connection until it is reset', async () => {
    await submitCredentials(database.db, actor, razorpay('wrongSecretKsPay00000000'));
    await readySteps();
    expect((await runTestOrder(database.db, actor, app)).outcome).toBe('failed');
    await submitCredentials(database.db, actor, razorpay('wrongSecretKsPay00000002'));
    expect((await runTestOrder(database.db, actor, app)).outcome).toBe('locked');
    await conflict(submitCredentials(database.db, actor, razorpay()));
    await resetGateway(database.db, actor);
    expect(await getConnection(database.db, { appId: app.id })).toBeNull();
    await submitCredentials(database.db, actor, razorpay());
    await readySteps();
    expect((await runTestOrder(database.db, actor, app)).outcome).toBe('succeeded');
    const actions = (await listAudit(database.db, { merchantId, publicId: app.publicId })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['verification.failed', 'gateway.reset', 'verification.succeeded']));
    expect(JSON.stringify(await listAudit(database.db, { merchantId, publicId: app.publicId }))).not.toContain(RZP.keySecret);
  });

  it('10 simultaneous Create Order calls: one gateway order, one attempt spent', async () => {
    await submitCredentials(database.db, actor, razorpay());
    await readySteps();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => runTestOrder(database.db, actor, app)));
    const succeeded = results.filter((r) => r.status === 'fulfilled');
    expect(succeeded).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof AppError)).toBe(true);
    const view = await loadWizard(database.db, app);
    expect(view.attempts.filter((a) => a.outcome === 'succeeded')).toHaveLength(1);
    expect(view.attemptsUsed).toBe(1);
    const orderId = (succeeded[0] as PromiseFulfilledResult<{ gatewayOrderId: string }>).value.gatewayOrderId;
    const receipt = view.attempts[0]!.gatewayOrderId;
    expect(receipt).toBe(orderId);
  });

  it('a gateway that is down does not spend the attempt', async () => {
    await submitCredentials(database.db, actor, razorpay());
    await readySteps();
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ gateway: 'razorpay', status: 503, count: 1 }),
    });
    const down = await runTestOrder(database.db, actor, app);
    expect(down).toMatchObject({ outcome: 'unavailable', message: expect.stringMatching(/try again/) });
    expect((await loadWizard(database.db, app)).attemptsLeft).toBe(1);
    expect((await runTestOrder(database.db, actor, app)).outcome).toBe('succeeded');
  });

  it('replacing verified credentials keeps the verified ones in use until the new ones verify', async () => {
    await submitCredentials(database.db, actor, razorpay());
    await readySteps();
    await runTestOrder(database.db, actor, app);
    await submitCredentials(database.db, actor, razorpay('typoSecretKsPay000000000'));
    expect((await runTestOrder(database.db, actor, app)).outcome).toBe('failed');
    const view = await loadWizard(database.db, app);
    expect(view.verified).toBe(true);
    expect(view.verifiedCredentials?.secretHint).toBe('0001');
    expect(view.statuses.credentials).toBe('failed');
  });

  it('a replacement that fails twice is dropped and the verified credentials stay in use', async () => {
    await submitCredentials(database.db, actor, razorpay());
    await readySteps();
    await runTestOrder(database.db, actor, app);
    await submitCredentials(database.db, actor, razorpay('typoSecretKsPay000000000'));
    expect((await runTestOrder(database.db, actor, app)).outcome).toBe('failed');
    await submitCredentials(database.db, actor, razorpay('typoSecretKsPay000000002'));
    const second = await runTestOrder(database.db, actor, app);
    expect(second).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/verified credentials stay in use/) });
    const view = await loadWizard(database.db, app);
    expect(view.statuses.credentials).toBe('verified');
    expect(view.credentials?.secretHint).toBe('0001');
    expect(view.statuses.webhook).toBe('verified');
  });

  it('a test order whose claim was lost records nothing over newer state', async () => {
    await submitCredentials(database.db, actor, razorpay());
    await readySteps();
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ gateway: 'razorpay', delay_ms: 400, count: 1 }),
    });
    const running = runTestOrder(database.db, actor, app);
    await new Promise((r) => setTimeout(r, 150));
    await expect(resetGateway(database.db, actor)).rejects.toMatchObject({ code: 'conflict' });
    // Simulate the claim expiring and new credentials arriving while the order is in flight.
    await database.db.update(gatewayConnections).set({ verifyingSince: new Date(0) }).where(eq(gatewayConnections.appId, app.id));
    await submitCredentials(database.db, actor, razorpay('otherSecretKsPay00000000'));
    expect(await running).toMatchObject({ outcome: 'unavailable', message: expect.stringMatching(/changed/) });
    const view = await loadWizard(database.db, app);
    expect(view.statuses.credentials).toBe('submitted');
    expect(view.verified).toBe(false);
  });

  it('a late answer to a taken-over test order leaves its voided attempt void', async () => {
    await submitCredentials(database.db, actor, razorpay());
    await readySteps();
    const fault = (body: object) =>
      fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await fault({ gateway: 'razorpay', delay_ms: 600, count: 1 });
    const late = runTestOrder(database.db, actor, app);
    await new Promise((r) => setTimeout(r, 150));
    // The first claim expires; a second click takes over and finds the gateway down.
    await database.db.update(gatewayConnections).set({ verifyingSince: new Date(0) }).where(eq(gatewayConnections.appId, app.id));
    await fault({ gateway: 'razorpay', status: 503, count: 1 });
    expect(await runTestOrder(database.db, actor, app)).toMatchObject({ outcome: 'unavailable' });
    expect(await late).toMatchObject({ outcome: 'unavailable' });
    const view = await loadWizard(database.db, app);
    expect(view.attempts.map((a) => a.outcome)).not.toContain('succeeded');
    expect(view.statuses.credentials).toBe('submitted');
    expect(view.credentials?.verifiedAt).toBeNull();
    expect(view.lastVerification).toBeNull();
  });

  it('changing only the payment modes of verified credentials needs no new test order', async () => {
    await submitCredentials(database.db, actor, razorpay());
    await readySteps();
    await runTestOrder(database.db, actor, app);
    await submitCredentials(database.db, actor, { ...razorpay(''), paymentModes: ['upi', 'wallet'] });
    const view = await loadWizard(database.db, app);
    expect(view.statuses.credentials).toBe('verified');
    expect(view.credentials?.paymentModes).toEqual(['upi', 'wallet']);
    await submitCredentials(database.db, actor, razorpay('anotherSecretKsPay000000'));
    expect((await loadWizard(database.db, app)).statuses.credentials).toBe('submitted');
  });

  it('rotating the webhook secret keeps the old one valid for 24 h', async () => {
    const before = await revealWebhookSecret(database.db, actor);
    await rotateWebhookSecret(database.db, actor);
    const after = await revealWebhookSecret(database.db, actor);
    expect(after).not.toBe(before);
    expect(after).toMatch(/^whsec_/);
    const until = new Date((await loadWizard(database.db, app)).webhook.previousSecretValidUntil!);
    expect(until.getTime() - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
  });
});

describe('Cashfree', () => {
  it('needs no webhook step and verifies with a test order', async () => {
    await submitCredentials(database.db, actor, { gateway: 'cashfree', ...CF, environment: 'sandbox', paymentModes: ['upi', 'wallet'] });
    await markNpmDone(database.db, actor);
    await conflict(markWebhookDone(database.db, actor));
    expect((await loadWizard(database.db, app)).statuses.webhook).toBe('not_required');
    expect(await runTestOrder(database.db, actor, app)).toMatchObject({ outcome: 'succeeded' });
    expect((await loadWizard(database.db, app)).statuses).toMatchObject({ credentials: 'verified', webhook: 'not_required' });
  });

  it('refuses a test Client ID in Production with a field error', async () => {
    await expect(
      submitCredentials(database.db, actor, { gateway: 'cashfree', ...CF, environment: 'production', paymentModes: ['upi'] }),
    ).rejects.toMatchObject({ fieldErrors: { keyId: [expect.stringMatching(/choose Sandbox/)] } });
  });
});
