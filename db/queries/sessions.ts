import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { merchantSessions, merchants } from '../schema';

export async function createSession(db: Db, params: { merchantId: string }) {
  const [row] = await db
    .insert(merchantSessions)
    .values({ merchantId: params.merchantId })
    .returning({ id: merchantSessions.id, createdAt: merchantSessions.createdAt });
  return row!;
}

/** The per-request check: one primary-key read of the session, joined to its merchant. */
export async function getSessionState(db: Db, params: { sessionId: string; merchantId: string }) {
  const [row] = await db
    .select({
      email: merchants.email,
      sessionVersion: merchants.sessionVersion,
      createdAt: merchantSessions.createdAt,
      revokedAt: merchantSessions.revokedAt,
    })
    .from(merchantSessions)
    .innerJoin(merchants, eq(merchants.id, merchantSessions.merchantId))
    .where(and(eq(merchantSessions.id, params.sessionId), eq(merchantSessions.merchantId, params.merchantId)));
  return row ?? null;
}

/** Sign out: ends this session only. */
export async function revokeSession(db: Db, params: { sessionId: string; merchantId: string }) {
  await db
    .update(merchantSessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(merchantSessions.id, params.sessionId),
        eq(merchantSessions.merchantId, params.merchantId),
        isNull(merchantSessions.revokedAt),
      ),
    );
}

/** Sign out of all devices: every token issued before carries an older version and is refused. */
export async function revokeAllSessions(db: Db, params: { merchantId: string }) {
  await db
    .update(merchants)
    .set({ sessionVersion: sql`${merchants.sessionVersion} + 1` })
    .where(eq(merchants.id, params.merchantId));
}

/** Sessions older than their absolute lifetime can no longer be used: nothing to keep. */
export async function pruneSessions(db: Db, params: { before: Date }) {
  await db.delete(merchantSessions).where(lt(merchantSessions.createdAt, params.before));
}
