import { describe, expect, it } from 'vitest';
import { createMerchant } from '@/db/queries/merchants';
import { merchants } from '@/db/schema';
import type { Db } from '@/db/client';
import { withTestDatabase } from '@/db/test-db';
import { describeForLog } from './errors';

let db: Db;
withTestDatabase((handle) => (db = handle));

describe('describeForLog', () => {
  it('never carries a failed query’s parameters', async () => {
    await createMerchant(db, { email: 'dup@example.com', passwordHash: 'x' });
    const error = await db
      .insert(merchants)
      .values({ email: 'dup@example.com', passwordHash: '$argon2id$SECRET-HASH' })
      .catch((e: unknown) => e);
    const described = describeForLog(error);
    expect(described).toMatchObject({ query: expect.stringContaining('insert into "merchants"'), code: '23505' });
    const logged = JSON.stringify(described);
    expect(logged).not.toContain('SECRET-HASH');
    expect(logged).not.toContain('dup@example.com');
  });
});
