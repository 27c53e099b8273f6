import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { createMerchant } from '@/db/queries/merchants';
import { openTestDatabase } from '@/db/test-db';
import { hashPassword } from './password';
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP, signInWithPassword } from './sign-in';

let database: Database;
const password = 'correct horse battery';

beforeAll(async () => {
  database = await openTestDatabase();
  await createMerchant(database.db, { email: 'Owner@Example.com', passwordHash: await hashPassword(password) });
});
afterAll(() => database.close());

describe('signInWithPassword', () => {
  it('accepts the right password, case-insensitively on the email', async () => {
    const result = await signInWithPassword(database.db, { email: ' owner@example.COM ', password, ip: '10.0.0.1' });
    expect(result).toMatchObject({ ok: true, merchant: { email: 'owner@example.com' } });
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const wrong = await signInWithPassword(database.db, { email: 'owner@example.com', password: 'nope-nope-nope', ip: '10.0.0.2' });
    const unknown = await signInWithPassword(database.db, { email: 'ghost@example.com', password, ip: '10.0.0.2' });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
  });

  it('locks an email after repeated failures, even with the right password, from any IP', async () => {
    const email = 'locked@example.com';
    await createMerchant(database.db, { email, passwordHash: await hashPassword(password) });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      expect(await signInWithPassword(database.db, { email, password: 'wrong-password', ip: `10.1.0.${i}` })).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    expect(await signInWithPassword(database.db, { email, password, ip: '10.2.0.1' })).toEqual({
      ok: false,
      reason: 'rate_limited',
    });
  });

  it('a success clears the email count', async () => {
    const email = 'recovers@example.com';
    await createMerchant(database.db, { email, passwordHash: await hashPassword(password) });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) {
      await signInWithPassword(database.db, { email, password: 'wrong-password', ip: '10.3.0.1' });
    }
    expect((await signInWithPassword(database.db, { email, password, ip: '10.3.0.1' })).ok).toBe(true);
    expect((await signInWithPassword(database.db, { email, password: 'wrong-password', ip: '10.3.0.1' }))).toEqual({ ok: false, reason: 'invalid' });
    expect((await signInWithPassword(database.db, { email, password, ip: '10.3.0.1' })).ok).toBe(true);
  });

  it('limits failures per IP across many emails', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await signInWithPassword(database.db, { email: `spray${i}@example.com`, password: 'wrong-password', ip });
    }
    expect(await signInWithPassword(database.db, { email: 'owner@example.com', password, ip })).toEqual({
      ok: false,
      reason: 'rate_limited',
    });
  });
});
