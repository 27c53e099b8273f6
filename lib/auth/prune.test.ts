import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { insertLoginAttempt } from '@/db/queries/login-attempts';
import { createMerchant } from '@/db/queries/merchants';
import { createSession } from '@/db/queries/sessions';
import { loginAttempts, merchantSessions } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import { startPruning } from '@/lib/prune';
import { pruneSignInRecords } from './prune';
import { SESSION_MAX_AGE_MS } from './session-state';
import { SIGN_IN_WINDOW_MS } from './sign-in';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const later = (ms: number) => new Date(Date.now() + ms);

describe('pruneSignInRecords', () => {
  it('deletes attempts outside the window and sessions past their lifetime, keeping the rest', async () => {
    const merchant = (await createMerchant(database.db, { email: 'p@example.com', passwordHash: 'x' }))!;
    const session = await createSession(database.db, { merchantId: merchant.id });
    const old = await insertLoginAttempt(database.db, { email: 'p@example.com', ip: '10.0.0.1', at: new Date() });
    const attempts = () => database.db.select().from(loginAttempts).where(eq(loginAttempts.id, old));
    const sessions = () => database.db.select().from(merchantSessions).where(eq(merchantSessions.id, session.id));

    await pruneSignInRecords(database.db, later(SIGN_IN_WINDOW_MS - 60_000));
    expect(await attempts()).toHaveLength(1);
    await pruneSignInRecords(database.db, later(SIGN_IN_WINDOW_MS + 60_000));
    expect(await attempts()).toHaveLength(0);

    expect(await sessions()).toHaveLength(1);
    await pruneSignInRecords(database.db, later(SESSION_MAX_AGE_MS + 60_000));
    expect(await sessions()).toHaveLength(0);
  });

  it('runs on a timer that never keeps the process alive', async () => {
    const timer = await startPruning(database.db);
    try {
      expect(timer.hasRef()).toBe(false);
    } finally {
      clearInterval(timer);
    }
  });
});
