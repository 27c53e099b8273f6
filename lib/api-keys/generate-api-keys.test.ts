import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { apiKeys, auditLog } from '@/db/schema';
import { withTestDatabase } from '@/db/test-db';
import { AppError } from '@/lib/errors';
import { generateApiKeys } from './generate-api-keys';
import { createTestApp, markGatewayVerified } from './test-fixtures';
import { hashToken } from './token';

let db: Db;
withTestDatabase((handle) => (db = handle));

async function verifiedApp(mode: 'test' | 'live' = 'test') {
  const app = await createTestApp(db);
  await markGatewayVerified(db, { appId: app.appId, mode });
  return { ...app, actor: { appId: app.appId, merchantId: app.merchantId, ip: '198.51.100.7' } };
}

const storedKeys = (appId: string) => db.select().from(apiKeys).where(eq(apiKeys.appId, appId));
const auditOf = (appId: string) => db.select().from(auditLog).where(eq(auditLog.appId, appId));

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('generateApiKeys', () => {
  it('is refused until the test order has verified steps 1–3', async () => {
    const app = await createTestApp(db);
    const error = await rejection(generateApiKeys(db, { appId: app.appId, merchantId: app.merchantId, ip: null }));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/verified/);
    expect(await storedKeys(app.appId)).toHaveLength(0);
    expect(await auditOf(app.appId)).toHaveLength(0);
  });

  it('issues a public and a secret key in the mode of the verified credentials', async () => {
    const test = await generateApiKeys(db, (await verifiedApp('test')).actor);
    expect(test.publicKey.displayPrefix).toMatch(/^pk_test_/);
    expect(test.secretKey.token).toMatch(/^sk_test_/);
    const live = await generateApiKeys(db, (await verifiedApp('live')).actor);
    expect(live.publicKey).toMatchObject({ kind: 'public', mode: 'live', status: 'active' });
    expect(live.secretKey).toMatchObject({ kind: 'secret', mode: 'live', status: 'active' });
    expect(live.secretKey.token).toMatch(/^sk_live_/);
  });

  it('stores only hashes and a display prefix of the secret', async () => {
    const app = await verifiedApp();
    const { publicKey, secretKey } = await generateApiKeys(db, app.actor);
    const rows = await storedKeys(app.appId);
    const secretRow = rows.find((r) => r.kind === 'secret')!;
    const publicRow = rows.find((r) => r.kind === 'public')!;

    expect(secretRow.tokenHash).toBe(hashToken(secretKey.token));
    expect(secretRow.displayPrefix).toBe(`${secretKey.token.slice(0, 12)}…`);
    expect(JSON.stringify(rows)).not.toContain(secretKey.token.slice(12));
    expect(publicRow.tokenHash).toBe(hashToken(publicKey.displayPrefix));
    expect(publicRow.displayPrefix).toBe(publicKey.displayPrefix);
    expect(secretRow).toMatchObject({ lastUsedAt: null, revokedAt: null, expiresAt: null });
  });

  it('answers with the secret once, and no hash', async () => {
    const { publicKey, secretKey } = await generateApiKeys(db, (await verifiedApp()).actor);
    expect(Object.keys(secretKey).sort()).toEqual(
      ['createdAt', 'displayPrefix', 'expiresAt', 'id', 'kind', 'lastUsedAt', 'mode', 'revokedAt', 'status', 'token'].sort(),
    );
    expect(publicKey).not.toHaveProperty('token');
    expect(JSON.stringify({ publicKey, secretKey })).not.toContain(hashToken(secretKey.token));
  });

  it('audits the generation with the key ids and prefixes, never the secret', async () => {
    const app = await verifiedApp();
    const { publicKey, secretKey } = await generateApiKeys(db, app.actor);
    const [entry, ...rest] = await auditOf(app.appId);
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({
      action: 'api_key.generated',
      merchantId: app.merchantId,
      ip: '198.51.100.7',
      details: {
        mode: 'test',
        keyId: secretKey.id,
        displayPrefix: secretKey.displayPrefix,
        publicKeyId: publicKey.id,
        publicKey: publicKey.displayPrefix,
      },
    });
    expect(JSON.stringify(entry)).not.toContain(secretKey.token.slice(12));
  });

  it('refuses to generate again while keys are active: that is what Roll is for', async () => {
    const app = await verifiedApp();
    await generateApiKeys(db, app.actor);
    const error = await rejection(generateApiKeys(db, app.actor));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/Roll/);
    expect(await storedKeys(app.appId)).toHaveLength(2);
  });

  it('issues keys once when two requests race', async () => {
    const app = await verifiedApp();
    const results = await Promise.allSettled([generateApiKeys(db, app.actor), generateApiKeys(db, app.actor)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [failure] = results.filter((r) => r.status === 'rejected');
    expect((failure as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    expect(await storedKeys(app.appId)).toHaveLength(2);
  });

  it('issues live keys after the app goes live, retiring the test public key but not the test secret', async () => {
    const app = await verifiedApp('test');
    const test = await generateApiKeys(db, app.actor);
    await markGatewayVerified(db, { appId: app.appId, mode: 'live' });
    const live = await generateApiKeys(db, app.actor);
    expect(live.secretKey.token).toMatch(/^sk_live_/);

    const rows = await storedKeys(app.appId);
    expect(rows.find((r) => r.id === test.publicKey.id)!.revokedAt).toBeInstanceOf(Date);
    expect(rows.find((r) => r.id === test.secretKey.id)!.revokedAt).toBeNull();
    const entries = await auditOf(app.appId);
    expect(entries.find((e) => e.details.keyId === live.secretKey.id)!.details).toMatchObject({
      replacedPublicKeyIds: [test.publicKey.id],
    });
  });

  it('lets a mode whose keys were all revoked or expired generate again', async () => {
    const app = await verifiedApp();
    await generateApiKeys(db, app.actor);
    await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.appId, app.appId));
    const again = await generateApiKeys(db, app.actor);
    expect(again.secretKey.status).toBe('active');
  });
});
