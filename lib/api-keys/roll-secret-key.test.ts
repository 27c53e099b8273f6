import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { apiKeys, auditLog } from '@/db/schema';
import { withTestDatabase } from '@/db/test-db';
import { generateApiKeys } from './generate-api-keys';
import { revokeSecretKey } from './revoke-secret-key';
import { rollSecretKey } from './roll-secret-key';
import { clearGatewayVerification, createTestApp, getKeyRow, markGatewayVerified } from './test-fixtures';

let db: Db;
withTestDatabase((handle) => (db = handle));

const HOUR = 3600_000;

async function appWithKeys() {
  const app = await createTestApp(db);
  await markGatewayVerified(db, { appId: app.appId, mode: 'test' });
  const actor = { appId: app.appId, merchantId: app.merchantId, ip: '192.0.2.1' };
  const keys = await generateApiKeys(db, actor);
  return { app, actor, keys };
}

/** Asserts a time is `ms` from now, give or take the test's own running time. */
function expectAbout(date: Date | string | null, ms: number) {
  expect(date).not.toBeNull();
  expect(Math.abs(new Date(date!).getTime() - (Date.now() + ms))).toBeLessThan(60_000);
}

describe('rollSecretKey', () => {
  it('issues a new secret and lets the old one live for the chosen overlap', async () => {
    const { actor, keys } = await appWithKeys();
    const rolled = await rollSecretKey(db, { ...actor, overlap: '24h' });

    expect(rolled.secretKey.token).toMatch(/^sk_test_/);
    expect(rolled.secretKey.token).not.toBe(keys.secretKey.token);
    expect(rolled.secretKey).toMatchObject({ status: 'active', expiresAt: null });
    expect(rolled.previousKeys).toHaveLength(1);
    expect(rolled.previousKeys[0]).toMatchObject({ id: keys.secretKey.id, status: 'expiring' });
    expectAbout(rolled.previousKeys[0]!.expiresAt, 24 * HOUR);
    expect(rolled.previousKeys[0]).not.toHaveProperty('token');
  });

  it.each([
    ['1h', HOUR],
    ['7d', 7 * 24 * HOUR],
  ] as const)('sets the old key to expire %s from now', async (overlap, ms) => {
    const { actor, keys } = await appWithKeys();
    await rollSecretKey(db, { ...actor, overlap });
    expectAbout((await getKeyRow(db, keys.secretKey.id)).expiresAt, ms);
  });

  it('expires the old key at once with no overlap', async () => {
    const { actor, keys } = await appWithKeys();
    const rolled = await rollSecretKey(db, { ...actor, overlap: 'now' });
    expect(rolled.previousKeys[0]).toMatchObject({ id: keys.secretKey.id, status: 'expired' });
  });

  it('never extends an expiry that is already sooner', async () => {
    const { actor, keys } = await appWithKeys();
    await rollSecretKey(db, { ...actor, overlap: '1h' });
    const second = await rollSecretKey(db, { ...actor, overlap: '7d' });
    expectAbout((await getKeyRow(db, keys.secretKey.id)).expiresAt, HOUR);
    expect(second.previousKeys.map((k) => k.id)).not.toContain(keys.secretKey.id);
  });

  it('leaves revoked keys revoked, and keeps the public key', async () => {
    const { actor, keys } = await appWithKeys();
    await revokeSecretKey(db, { ...actor, keyId: keys.secretKey.id });
    const rolled = await rollSecretKey(db, { ...actor, overlap: '24h' });
    expect(rolled.previousKeys).toEqual([]);
    expect(await getKeyRow(db, keys.secretKey.id)).toMatchObject({ expiresAt: null });
    expect(await getKeyRow(db, keys.publicKey.id)).toMatchObject({ revokedAt: null, expiresAt: null });
  });

  it('audits the roll with the new key and the overlap, never a secret', async () => {
    const { app, actor, keys } = await appWithKeys();
    const rolled = await rollSecretKey(db, { ...actor, overlap: '1h' });
    const entries = await db.select().from(auditLog).where(eq(auditLog.appId, app.appId));
    expect(entries.map((e) => e.action).sort()).toEqual(['api_key.generated', 'api_key.rolled']);
    const rolledEntry = entries.find((e) => e.action === 'api_key.rolled')!;
    expect(rolledEntry).toMatchObject({
      merchantId: app.merchantId,
      ip: '192.0.2.1',
      details: {
        mode: 'test',
        keyId: rolled.secretKey.id,
        displayPrefix: rolled.secretKey.displayPrefix,
        overlap: '1h',
        previousKeys: [{ keyId: keys.secretKey.id, displayPrefix: keys.secretKey.displayPrefix }],
      },
    });
    const text = JSON.stringify(rolledEntry);
    expect(text).not.toContain(rolled.secretKey.token.slice(12));
    expect(text).not.toContain(keys.secretKey.token.slice(12));
  });

  it('is refused before keys were generated', async () => {
    const app = await createTestApp(db);
    await markGatewayVerified(db, { appId: app.appId, mode: 'test' });
    const actor = { appId: app.appId, merchantId: app.merchantId, ip: null };
    await expect(rollSecretKey(db, { ...actor, overlap: 'now' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/Generate API keys/),
    });
    expect(await db.select().from(apiKeys).where(eq(apiKeys.appId, app.appId))).toHaveLength(0);
  });

  it('is refused while the gateway is not verified', async () => {
    const { app, actor } = await appWithKeys();
    await clearGatewayVerification(db, { appId: app.appId });
    await expect(rollSecretKey(db, { ...actor, overlap: '1h' })).rejects.toMatchObject({ code: 'conflict' });
  });
});
