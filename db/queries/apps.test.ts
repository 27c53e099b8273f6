import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client';
import { openTestDatabase } from '../test-db';
import { createApp, deleteApp, getApp, listApps, updateApp } from './apps';
import { createMerchant, getMerchantByEmail } from './merchants';

let database: Database;
let alice: string;
let bob: string;

beforeAll(async () => {
  database = await openTestDatabase();
  alice = (await createMerchant(database.db, { email: 'alice@example.com', passwordHash: 'x' }))!.id;
  bob = (await createMerchant(database.db, { email: 'bob@example.com', passwordHash: 'x' }))!.id;
});
afterAll(() => database.close());

const fields = { name: 'Shop', email: 'shop@example.com', country: 'IN' };

describe('merchants', () => {
  it('refuses a second account for the same email, whatever its case', async () => {
    expect(await createMerchant(database.db, { email: 'ALICE@example.com ', passwordHash: 'y' })).toBeNull();
    expect((await getMerchantByEmail(database.db, { email: 'Alice@Example.com' }))?.id).toBe(alice);
  });
});

describe('apps', () => {
  it('creates an app with a public id separate from the primary key', async () => {
    const app = await createApp(database.db, { merchantId: alice, ...fields });
    expect(app.publicId).toMatch(/^app_[0-9A-Za-z]{16}$/);
    const owned = await getApp(database.db, { merchantId: alice, publicId: app.publicId });
    expect(owned?.id).not.toBe(app.publicId);
    expect(owned).toMatchObject(fields);
  });

  it('lists only the merchant’s own apps, newest first', async () => {
    const first = await createApp(database.db, { merchantId: bob, ...fields, name: 'First' });
    const second = await createApp(database.db, { merchantId: bob, ...fields, name: 'Second' });
    const list = await listApps(database.db, { merchantId: bob });
    expect(list.map((a) => a.publicId)).toEqual([second.publicId, first.publicId]);
    expect((await listApps(database.db, { merchantId: alice })).every((a) => a.name === 'Shop')).toBe(true);
  });

  it('never reads, updates or deletes another merchant’s app', async () => {
    const app = await createApp(database.db, { merchantId: alice, ...fields, name: 'Private' });
    expect(await getApp(database.db, { merchantId: bob, publicId: app.publicId })).toBeNull();
    expect(await updateApp(database.db, { merchantId: bob, publicId: app.publicId, ...fields, name: 'Hijacked' })).toBeNull();
    expect(await deleteApp(database.db, { merchantId: bob, publicId: app.publicId })).toBe(false);
    expect((await getApp(database.db, { merchantId: alice, publicId: app.publicId }))?.name).toBe('Private');
  });

  it('updates and deletes the merchant’s own app', async () => {
    const app = await createApp(database.db, { merchantId: alice, ...fields });
    const updated = await updateApp(database.db, { merchantId: alice, publicId: app.publicId, name: 'Renamed', email: 'new@example.com', country: 'US' });
    expect(updated).toMatchObject({ name: 'Renamed', email: 'new@example.com', country: 'US' });
    expect(updated!.updatedAt.getTime()).toBeGreaterThanOrEqual(app.updatedAt.getTime());
    expect(await deleteApp(database.db, { merchantId: alice, publicId: app.publicId })).toBe(true);
    expect(await getApp(database.db, { merchantId: alice, publicId: app.publicId })).toBeNull();
  });

  it('an unknown id is simply not found', async () => {
    expect(await getApp(database.db, { merchantId: alice, publicId: 'app_0000000000000000' })).toBeNull();
    expect(await getApp(database.db, { merchantId: alice, publicId: "app_'; drop table apps;--" })).toBeNull();
  });
});

describe('malformed app ids', () => {
  // Ids come from URLs: a NUL byte made PostgreSQL fail the query (a 500) before the shape check.
  it.each(['app_\u0000AAAAAAAAAAAAAAA', '\u0000', '%00', 'app_ÄÖÜäöüßçéàèùâêî', 'app_' + 'x'.repeat(10_000), '', 'APP_0123456789abcdef'])(
    '%j names no app and reaches no query',
    async (publicId) => {
      expect(await getApp(database.db, { merchantId: alice, publicId })).toBeNull();
      expect(await updateApp(database.db, { merchantId: alice, publicId, ...fields })).toBeNull();
      expect(await deleteApp(database.db, { merchantId: alice, publicId })).toBe(false);
    },
  );
});

