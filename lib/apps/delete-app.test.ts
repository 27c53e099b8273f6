import { describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { createApp, getApp } from '@/db/queries/apps';
import { listAudit, recordAudit } from '@/db/queries/audit';
import { createMerchant } from '@/db/queries/merchants';
import { withTestDatabase } from '@/db/test-db';
import { deleteOwnedApp } from './delete-app';

let db: Db;
withTestDatabase((handle) => (db = handle));

async function merchantWithApp(tag: string) {
  const merchant = (await createMerchant(db, { email: `${tag}@example.com`, passwordHash: 'x' }))!;
  const created = await createApp(db, { merchantId: merchant.id, name: `${tag} shop`, email: 'shop@example.com', country: 'IN' });
  const app = (await getApp(db, { merchantId: merchant.id, publicId: created.publicId }))!;
  return { merchantId: merchant.id, app };
}

describe('deleting an app', () => {
  it('keeps its audit log for the owner, with the app id and name, and records who deleted it', async () => {
    const { merchantId, app } = await merchantWithApp('keeper');
    await recordAudit(db, { appId: app.id, merchantId, ip: '203.0.113.5', action: 'webhook.secret_revealed' });
    await deleteOwnedApp(db, { merchantId, publicId: app.publicId, confirmation: ' keeper shop ', ip: '203.0.113.6' });

    expect(await getApp(db, { merchantId, publicId: app.publicId })).toBeNull();
    const entries = await listAudit(db, { merchantId, publicId: app.publicId });
    expect(entries.map((e) => e.action)).toEqual(['app.deleted', 'webhook.secret_revealed']);
    expect(entries[0]).toMatchObject({ appPublicId: app.publicId, appName: 'keeper shop', appDeleted: true, ip: '203.0.113.6', actorEmail: 'keeper@example.com' });
    expect((await listAudit(db, { merchantId })).map((e) => e.appPublicId)).toEqual([app.publicId, app.publicId]);
  });

  it('a wrong confirmation deletes nothing and records nothing', async () => {
    const { merchantId, app } = await merchantWithApp('careful');
    await expect(deleteOwnedApp(db, { merchantId, publicId: app.publicId, confirmation: 'careful', ip: null })).rejects.toMatchObject({
      code: 'bad_request',
      fieldErrors: { confirmation: ['Type “careful shop” to confirm'] },
    });
    expect(await getApp(db, { merchantId, publicId: app.publicId })).not.toBeNull();
    expect(await listAudit(db, { merchantId })).toEqual([]);
  });

  it("another merchant can neither delete the app nor read its log", async () => {
    const owner = await merchantWithApp('owner');
    const stranger = await merchantWithApp('stranger');
    await recordAudit(db, { appId: owner.app.id, merchantId: owner.merchantId, action: 'npm.marked_done' });
    await recordAudit(db, { appId: stranger.app.id, merchantId: stranger.merchantId, action: 'webhook.marked_done' });
    await expect(
      deleteOwnedApp(db, { merchantId: stranger.merchantId, publicId: owner.app.publicId, confirmation: 'owner shop', ip: null }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await listAudit(db, { merchantId: stranger.merchantId, publicId: owner.app.publicId })).toEqual([]);
    const strangers = await listAudit(db, { merchantId: stranger.merchantId });
    expect(strangers.map((e) => [e.appPublicId, e.action])).toEqual([[stranger.app.publicId, 'webhook.marked_done']]);
  });
});
