import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { withTestDatabase } from '@/db/test-db';
import { authenticateApiKey } from './authenticate';
import { generateApiKeys } from './generate-api-keys';
import { revokeSecretKey } from './revoke-secret-key';
import { clearGatewayVerification, createTestApp, getKeyRow, markGatewayVerified } from './test-fixtures';

let db: Db;
withTestDatabase((handle) => (db = handle));

async function appWithKeys() {
  const app = await createTestApp(db);
  await markGatewayVerified(db, { appId: app.appId, mode: 'test' });
  const actor = { appId: app.appId, merchantId: app.merchantId, ip: '192.0.2.44' };
  return { app, actor, keys: await generateApiKeys(db, actor) };
}

const revocations = (appId: string) =>
  db.select().from(auditLog).where(and(eq(auditLog.appId, appId), eq(auditLog.action, 'api_key.revoked')));

describe('revokeSecretKey', () => {
  it('revokes the key at once and audits it without the secret', async () => {
    const { app, actor, keys } = await appWithKeys();
    const { key } = await revokeSecretKey(db, { ...actor, keyId: keys.secretKey.id });
    expect(key).toMatchObject({ id: keys.secretKey.id, status: 'revoked' });
    expect(key.revokedAt).not.toBeNull();
    expect(await authenticateApiKey(db, keys.secretKey.token, { kind: 'secret' })).toBeNull();

    const [entry, ...more] = await revocations(app.appId);
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({
      merchantId: app.merchantId,
      ip: '192.0.2.44',
      details: { mode: 'test', keyId: keys.secretKey.id, displayPrefix: keys.secretKey.displayPrefix },
    });
    expect(JSON.stringify(entry)).not.toContain(keys.secretKey.token.slice(12));
  });

  it('answers a repeated revoke with the key as it is, audited once', async () => {
    const { app, actor, keys } = await appWithKeys();
    const first = await revokeSecretKey(db, { ...actor, keyId: keys.secretKey.id });
    const second = await revokeSecretKey(db, { ...actor, keyId: keys.secretKey.id });
    expect(second).toEqual(first);
    expect(await revocations(app.appId)).toHaveLength(1);
  });

  it('does not revoke a public key', async () => {
    const { actor, keys } = await appWithKeys();
    await expect(revokeSecretKey(db, { ...actor, keyId: keys.publicKey.id })).rejects.toMatchObject({
      code: 'bad_request',
    });
    expect((await getKeyRow(db, keys.publicKey.id)).revokedAt).toBeNull();
  });

  it('does not find an unknown key', async () => {
    const { actor } = await appWithKeys();
    await expect(revokeSecretKey(db, { ...actor, keyId: randomUUID() })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('never revokes another app’s key, even when its owner asks through their own app', async () => {
    const victim = await appWithKeys();
    const attacker = await appWithKeys();
    await expect(revokeSecretKey(db, { ...attacker.actor, keyId: victim.keys.secretKey.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await authenticateApiKey(db, victim.keys.secretKey.token, { kind: 'secret' })).toMatchObject({
      appId: victim.app.appId,
    });
    expect(await revocations(attacker.app.appId)).toHaveLength(0);
  });

  it('works without a verified gateway, so a leaked key can always be shut off', async () => {
    const { app, actor, keys } = await appWithKeys();
    await clearGatewayVerification(db, { appId: app.appId });
    const { key } = await revokeSecretKey(db, { ...actor, keyId: keys.secretKey.id });
    expect(key.status).toBe('revoked');
  });
});
