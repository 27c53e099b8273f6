import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { createMerchant } from '@/db/queries/merchants';
import { createSession, revokeAllSessions, revokeSession } from '@/db/queries/sessions';
import { openTestDatabase } from '@/db/test-db';
import { SESSION_MAX_AGE_MS, liveSessionMerchant } from './session-state';

let database: Database;
let n = 0;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

async function signedIn() {
  const merchant = (await createMerchant(database.db, { email: `s${++n}@example.com`, passwordHash: 'x' }))!;
  const open = async () => {
    const session = await createSession(database.db, { merchantId: merchant.id });
    return { merchantId: merchant.id, sessionId: session.id, sessionVersion: 0, createdAt: session.createdAt };
  };
  return { merchant, open };
}

describe('liveSessionMerchant', () => {
  it('accepts a live session', async () => {
    const { merchant, open } = await signedIn();
    expect(await liveSessionMerchant(database.db, await open())).toEqual({ id: merchant.id, email: merchant.email });
  });

  it('refuses a signed-out session, and only that one', async () => {
    const { open } = await signedIn();
    const here = await open();
    const there = await open();
    await revokeSession(database.db, { sessionId: here.sessionId, merchantId: here.merchantId });
    expect(await liveSessionMerchant(database.db, here)).toBeNull();
    expect(await liveSessionMerchant(database.db, there)).not.toBeNull();
  });

  it('refuses every session issued before "Sign out of all devices", not the ones after', async () => {
    const { open } = await signedIn();
    const a = await open();
    const b = await open();
    await revokeAllSessions(database.db, { merchantId: a.merchantId });
    expect(await liveSessionMerchant(database.db, a)).toBeNull();
    expect(await liveSessionMerchant(database.db, b)).toBeNull();
    const after = { ...(await open()), sessionVersion: 1 };
    expect(await liveSessionMerchant(database.db, after)).not.toBeNull();
  });

  it('refuses a session past its absolute lifetime, however recently it was renewed', async () => {
    const { open } = await signedIn();
    const session = await open();
    const start = session.createdAt.getTime();
    expect(await liveSessionMerchant(database.db, session, new Date(start + SESSION_MAX_AGE_MS - 1000))).not.toBeNull();
    expect(await liveSessionMerchant(database.db, session, new Date(start + SESSION_MAX_AGE_MS + 1000))).toBeNull();
  });

  it("refuses tokens without a session, with another merchant's session, or with malformed ids", async () => {
    const { open } = await signedIn();
    const other = await signedIn();
    const session = await open();
    const claims = [
      { merchantId: session.merchantId },
      { merchantId: session.merchantId, sessionVersion: 0 },
      { ...session, merchantId: other.merchant.id },
      { ...session, sessionId: 'not-a-uuid\u0000' },
      { ...session, sessionId: crypto.randomUUID() },
      { ...session, sessionVersion: undefined },
    ];
    for (const claim of claims) expect(await liveSessionMerchant(database.db, claim), JSON.stringify(claim)).toBeNull();
  });
});
