import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { withTestDatabase } from '@/db/test-db';
import { generateApiKeys } from './generate-api-keys';
import { listAppApiKeys } from './list-api-keys';
import { rollSecretKey } from './roll-secret-key';
import { createTestApp, markGatewayVerified } from './test-fixtures';

let db: Db;
withTestDatabase((handle) => (db = handle));

describe('listAppApiKeys', () => {
  it('has no mode and no keys before verification', async () => {
    const app = await createTestApp(db);
    expect(await listAppApiKeys(db, { appId: app.appId })).toEqual({ mode: null, keys: [] });
  });

  it('lists the app’s keys newest first, with status, and never a secret or hash', async () => {
    const app = await createTestApp(db);
    const other = await createTestApp(db);
    for (const { appId } of [app, other]) await markGatewayVerified(db, { appId, mode: 'test' });
    const actor = { appId: app.appId, merchantId: app.merchantId, ip: null };
    const generated = await generateApiKeys(db, actor);
    await generateApiKeys(db, { appId: other.appId, merchantId: other.merchantId, ip: null });
    const rolled = await rollSecretKey(db, { ...actor, overlap: '1h' });

    const list = await listAppApiKeys(db, { appId: app.appId });
    expect(list.mode).toBe('test');
    expect(list.keys.map((k) => [k.id, k.status])).toEqual([
      [rolled.secretKey.id, 'active'],
      [generated.secretKey.id, 'expiring'],
      [generated.publicKey.id, 'active'],
    ]);
    const text = JSON.stringify(list);
    expect(text).not.toContain('token');
    expect(text).not.toContain(rolled.secretKey.token.slice(12));
    expect(text).not.toContain(generated.secretKey.token.slice(12));
    expect(list.keys.find((k) => k.kind === 'public')!.displayPrefix).toBe(generated.publicKey.displayPrefix);
  });
});
