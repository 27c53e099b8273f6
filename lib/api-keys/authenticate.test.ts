import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { withTestDatabase } from '@/db/test-db';
import { authenticateApiKey } from './authenticate';
import { generateApiKeys } from './generate-api-keys';
import { revokeSecretKey } from './revoke-secret-key';
import { rollSecretKey } from './roll-secret-key';
import { createTestApp, getKeyRow, markGatewayVerified, setKeyTimes, type TestApp } from './test-fixtures';
import { issueToken } from './token';

let db: Db;
withTestDatabase((handle) => (db = handle));

const secondsAgo = (s: number) => new Date(Date.now() - s * 1000);

/** A verified app with freshly generated keys. */
async function appWithKeys(mode: 'test' | 'live' = 'test') {
  const app = await createTestApp(db);
  await markGatewayVerified(db, { appId: app.appId, mode });
  const keys = await generateApiKeys(db, { appId: app.appId, merchantId: app.merchantId, ip: '203.0.113.9' });
  return { app, keys, secret: keys.secretKey.token, publicKey: keys.publicKey.displayPrefix };
}

const actor = (app: TestApp) => ({ appId: app.appId, merchantId: app.merchantId, ip: null });

/** The same key with one character changed, still well-formed. */
const oneCharOff = (token: string) => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');

describe('authenticateApiKey', () => {
  it('accepts a valid secret key and names its app, key, mode and the app’s verified mode', async () => {
    const { app, keys, secret } = await appWithKeys('test');
    expect(await authenticateApiKey(db, secret, { kind: 'secret' })).toEqual({
      appId: app.appId,
      keyId: keys.secretKey.id,
      mode: 'test',
      verifiedMode: 'test',
    });
  });

  it('accepts a valid public key as a public key', async () => {
    const { app, keys, publicKey } = await appWithKeys('live');
    expect(publicKey).toMatch(/^pk_live_/);
    expect(await authenticateApiKey(db, publicKey, { kind: 'public' })).toEqual({
      appId: app.appId,
      keyId: keys.publicKey.id,
      mode: 'live',
      verifiedMode: 'live',
    });
  });

  it('refuses a key with one character changed, and an unknown well-formed key', async () => {
    const { secret } = await appWithKeys();
    expect(await authenticateApiKey(db, oneCharOff(secret), { kind: 'secret' })).toBeNull();
    expect(await authenticateApiKey(db, issueToken('secret', 'test').token, { kind: 'secret' })).toBeNull();
  });

  it('refuses a key of the wrong kind', async () => {
    const { secret, publicKey } = await appWithKeys();
    expect(await authenticateApiKey(db, secret, { kind: 'public' })).toBeNull();
    expect(await authenticateApiKey(db, publicKey, { kind: 'secret' })).toBeNull();
  });

  it('refuses malformed input, whatever its type', async () => {
    for (const token of ['', 'Bearer x', 'sk_test_short', 'sk_test_' + 'a'.repeat(500), null, undefined, 42]) {
      expect(await authenticateApiKey(db, token as string, { kind: 'secret' })).toBeNull();
    }
  });

  it('refuses a revoked key', async () => {
    const { app, keys, secret } = await appWithKeys();
    await revokeSecretKey(db, { ...actor(app), keyId: keys.secretKey.id });
    expect(await authenticateApiKey(db, secret, { kind: 'secret' })).toBeNull();
  });

  it('refuses an expired key', async () => {
    const { keys, secret } = await appWithKeys();
    await setKeyTimes(db, keys.secretKey.id, { expiresAt: secondsAgo(1) });
    expect(await authenticateApiKey(db, secret, { kind: 'secret' })).toBeNull();
  });

  it('keeps a rolled key working during the overlap and refuses it after', async () => {
    const { app, keys, secret } = await appWithKeys();
    const rolled = await rollSecretKey(db, { ...actor(app), overlap: '1h' });
    expect(await authenticateApiKey(db, secret, { kind: 'secret' })).toMatchObject({ keyId: keys.secretKey.id });
    expect(await authenticateApiKey(db, rolled.secretKey.token, { kind: 'secret' })).toMatchObject({
      keyId: rolled.secretKey.id,
    });

    await setKeyTimes(db, keys.secretKey.id, { expiresAt: secondsAgo(1) });
    expect(await authenticateApiKey(db, secret, { kind: 'secret' })).toBeNull();
    expect(await authenticateApiKey(db, rolled.secretKey.token, { kind: 'secret' })).not.toBeNull();
  });

  it('refuses a key rolled with no overlap at once', async () => {
    const { app, secret } = await appWithKeys();
    const rolled = await rollSecretKey(db, { ...actor(app), overlap: 'now' });
    expect(await authenticateApiKey(db, secret, { kind: 'secret' })).toBeNull();
    expect(await authenticateApiKey(db, rolled.secretKey.token, { kind: 'secret' })).not.toBeNull();
  });

  it('records the first use, and does not write again within 60 seconds', async () => {
    const { keys, secret } = await appWithKeys();
    expect((await getKeyRow(db, keys.secretKey.id)).lastUsedAt).toBeNull();

    await authenticateApiKey(db, secret, { kind: 'secret' });
    const first = (await getKeyRow(db, keys.secretKey.id)).lastUsedAt;
    expect(first).toBeInstanceOf(Date);

    await new Promise((resolve) => setTimeout(resolve, 20));
    await authenticateApiKey(db, secret, { kind: 'secret' });
    expect((await getKeyRow(db, keys.secretKey.id)).lastUsedAt).toEqual(first);
  });

  it('records use again once the last one is older than 60 seconds', async () => {
    const { keys, secret } = await appWithKeys();
    const old = secondsAgo(61);
    await setKeyTimes(db, keys.secretKey.id, { lastUsedAt: old });
    await authenticateApiKey(db, secret, { kind: 'secret' });
    expect((await getKeyRow(db, keys.secretKey.id)).lastUsedAt!.getTime()).toBeGreaterThan(old.getTime() + 30_000);

    const recent = secondsAgo(30);
    await setKeyTimes(db, keys.secretKey.id, { lastUsedAt: recent });
    await authenticateApiKey(db, secret, { kind: 'secret' });
    expect((await getKeyRow(db, keys.secretKey.id)).lastUsedAt).toEqual(recent);
  });

  it('does not record use for a refused key', async () => {
    const { keys, secret } = await appWithKeys();
    await setKeyTimes(db, keys.secretKey.id, { expiresAt: secondsAgo(1) });
    await authenticateApiKey(db, secret, { kind: 'secret' });
    expect((await getKeyRow(db, keys.secretKey.id)).lastUsedAt).toBeNull();
  });

  it('never authenticates one app’s key as another app', async () => {
    const first = await appWithKeys();
    const second = await appWithKeys();
    const identity = await authenticateApiKey(db, first.secret, { kind: 'secret' });
    expect(identity?.appId).toBe(first.app.appId);
    expect(identity?.appId).not.toBe(second.app.appId);
    expect((await authenticateApiKey(db, second.secret, { kind: 'secret' }))?.appId).toBe(second.app.appId);
  });
});
