import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createApp } from '@/db/queries/apps';
import { createMerchant } from '@/db/queries/merchants';
import { withTestDatabase } from '@/db/test-db';
import { AppError } from '@/lib/errors';
import { requireAppOf } from './require-app';

let db: Db;
withTestDatabase((handle) => (db = handle));

describe('requireAppOf (every action and route resolves apps through it)', () => {
  it('answers not found, never forbidden, for another merchant’s app and for unknown ids', async () => {
    const owner = (await createMerchant(db, { email: 'owner@example.com', passwordHash: 'x' }))!.id;
    const other = (await createMerchant(db, { email: 'other@example.com', passwordHash: 'x' }))!.id;
    const { publicId } = await createApp(db, { merchantId: owner, name: 'Owned', email: 'o@example.com', country: 'IN' });

    expect((await requireAppOf(db, { merchantId: owner, publicId })).name).toBe('Owned');
    for (const attempt of [
      { merchantId: other, publicId },
      { merchantId: owner, publicId: 'app_doesnotexist0000' },
      { merchantId: owner, publicId: '' },
    ]) {
      const error = await requireAppOf(db, attempt).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'not_found', status: 404 });
    }
  });
});
