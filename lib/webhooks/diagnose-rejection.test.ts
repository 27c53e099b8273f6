import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { createApp, getApp } from '@/db/queries/apps';
import { getConnection } from '@/db/queries/gateway-connections';
import { createMerchant } from '@/db/queries/merchants';
import { gatewayConnections, webhookEvents } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import type { Actor } from '@/lib/apps/actor';
import { revealWebhookSecret, rotateWebhookSecret } from '@/lib/gateway-connections/steps';
import { submitCredentials } from '@/lib/gateway-connections/submit-credentials';
import { cashfreeWebhookSignature, razorpayWebhookSignature } from '@/lib/gateways/signatures';
import { receiveWebhook } from './receive';

// The diagnosis as receive.ts stores it, with the secrets the database really holds.

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const RZP_KEY_SECRET = 'sandboxSecretKsPay000001';
const CF_TEST = 'cfsk_ma_test_0f1e2d3c4b5a69788796a5b4c3d2e1f0_5a6b7c8d';
const CF_LIVE = 'cfsk_ma_prod_9f8e7d6c5b4a39281706f5e4d3c2b1a0_1a2b3c4d';

async function newActor(): Promise<Actor> {
  const merchantId = (await createMerchant(database.db, { email: `diag-${randomBytes(4).toString('hex')}@example.com`, passwordHash: 'x' }))!.id;
  const created = await createApp(database.db, { merchantId, name: 'Diag Shop', email: 'd@example.com', country: 'IN' });
  const app = (await getApp(database.db, { merchantId, publicId: created.publicId }))!;
  return { appId: app.id, merchantId, ip: '127.0.0.1' };
}

const rejectedOf = async (appId: string) =>
  (await database.db.select().from(webhookEvents).where(eq(webhookEvents.appId, appId)).orderBy(webhookEvents.receivedAt)).map((r) => ({
    reason: r.rejectionReason,
    detail: r.rejectionDetail,
    row: r,
  }));

const body = JSON.stringify({ entity: 'event', event: 'payment.captured', payload: { payment: { entity: { id: 'pay_1', amount: 100, currency: 'INR', status: 'captured', order_id: 'order_x' } } }, created_at: 1 });

describe('receiveWebhook stores a diagnosis with each rejection', () => {
  it('Razorpay: a secret rotated away past its overlap, the key secret, a pretty-printed body; no secret is stored', async () => {
    const actor = await newActor();
    await submitCredentials(database.db, actor, { gateway: 'razorpay', keyId: 'rzp_test_KsPaySandbox01', keySecret: RZP_KEY_SECRET, paymentModes: ['upi'] });
    const old = await revealWebhookSecret(database.db, actor);
    await rotateWebhookSecret(database.db, actor);
    const current = await revealWebhookSecret(database.db, actor);
    const connection = (await getConnection(database.db, { appId: actor.appId }))!;
    const deliver = (rawBody: string, signature: string) =>
      receiveWebhook(database.db, { gateway: 'razorpay', endpointId: connection.webhookEndpointId, rawBody, headers: { 'x-razorpay-signature': signature } });

    // Within the overlap the old secret is accepted (the event names no order of ours: ignored).
    expect(await deliver(body, razorpayWebhookSignature(body, old))).toEqual({ outcome: 'ignored' });
    await database.db
      .update(gatewayConnections)
      .set({ previousWebhookSecretExpiresAt: sql`now() - interval '1 hour'` })
      .where(eq(gatewayConnections.id, connection.id));
    const other = body.replace('"created_at":1', '"created_at":2');
    expect(await deliver(other, razorpayWebhookSignature(other, old))).toEqual({ outcome: 'rejected', reason: 'signature_mismatch' });
    expect(await deliver(other, razorpayWebhookSignature(other, RZP_KEY_SECRET))).toMatchObject({ outcome: 'rejected' });
    expect(await deliver(JSON.stringify(JSON.parse(other), null, 2), razorpayWebhookSignature(other, current))).toMatchObject({ outcome: 'rejected' });
    expect(await deliver(other, '')).toEqual({ outcome: 'rejected', reason: 'missing_signature' });

    const rows = (await rejectedOf(actor.appId)).filter((r) => r.row.outcome === 'rejected');
    expect(rows.map((r) => r.detail?.likelyCause)).toEqual(['rotated_secret', 'key_secret_used', 'body_reserialised', 'missing_signature']);
    expect(rows[0]!.detail!.checks).toContainEqual(expect.objectContaining({ kind: 'secret', role: 'expired_webhook_secret', result: 'match' }));
    const stored = JSON.stringify(rows.map((r) => r.row));
    for (const secret of [old, current, RZP_KEY_SECRET, razorpayWebhookSignature(other, old)]) expect(stored).not.toContain(secret);
  });

  it("Cashfree: signed with the test credentials' secret while live ones are current", async () => {
    const actor = await newActor();
    await submitCredentials(database.db, actor, { gateway: 'cashfree', keyId: 'TEST10a1b2c3d4e5f60718293a4b5c6d7e8f', keySecret: CF_TEST, environment: 'sandbox', paymentModes: ['upi'] });
    await submitCredentials(database.db, actor, { gateway: 'cashfree', keyId: 'CF10a1b2c3d4e5f60718293a4b5c6d7e8fLIVE', keySecret: CF_LIVE, environment: 'production', paymentModes: ['upi'] });
    const connection = (await getConnection(database.db, { appId: actor.appId }))!;
    const ts = String(Date.now());
    const cfBody = '{"data":{"order":{"order_id":"ks_9"},"payment":{"cf_payment_id":"1","payment_status":"SUCCESS","payment_amount":1.00,"payment_currency":"INR"}},"event_time":"2026-11-22T10:00:00+05:30","type":"PAYMENT_SUCCESS_WEBHOOK"}';
    const result = await receiveWebhook(database.db, {
      gateway: 'cashfree',
      endpointId: connection.webhookEndpointId,
      rawBody: cfBody,
      headers: { 'x-webhook-signature': cashfreeWebhookSignature(ts, cfBody, CF_TEST), 'x-webhook-timestamp': ts },
    });
    expect(result).toEqual({ outcome: 'rejected', reason: 'signature_mismatch' });
    const [row] = await rejectedOf(actor.appId);
    expect(row!.detail!.likelyCause).toBe('other_mode_secret');
    expect(row!.detail!.checks.filter((c) => c.kind === 'secret')).toEqual([
      { kind: 'secret', role: 'client_secret_submitted', result: 'no_match', mode: 'live', keyIdHint: 'LIVE' },
      { kind: 'secret', role: 'client_secret_other_mode', result: 'match', mode: 'test', keyIdHint: '7e8f' },
    ]);
    expect(JSON.stringify(row!.row)).not.toContain(CF_TEST);
  });
});
