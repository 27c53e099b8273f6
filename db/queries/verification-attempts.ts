import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { verificationAttempts } from '../schema';

export type AttemptFinish = { outcome: 'succeeded' | 'failed' | 'unavailable'; errorKind?: string; errorMessage?: string; gatewayOrderId?: string };

export async function insertAttempt(
  db: Db,
  params: { connectionId: string; credentialsId: string; attemptNumber: number; receipt: string },
) {
  const [row] = await db.insert(verificationAttempts).values(params).returning();
  return row!;
}

/** Closes attempts left in progress by a request that died: they never count. */
export async function voidUnfinishedAttempts(db: Db, params: { connectionId: string }) {
  await db
    .update(verificationAttempts)
    .set({ outcome: 'unavailable', errorMessage: 'Interrupted', finishedAt: sql`now()` })
    .where(and(eq(verificationAttempts.connectionId, params.connectionId), eq(verificationAttempts.outcome, 'in_progress')));
}

/** Closes an attempt still in progress; one voided meanwhile (its claim was taken over) stays void. */
export async function finishAttempt(db: Db, params: { connectionId: string; attemptId: string }, finish: AttemptFinish) {
  await db
    .update(verificationAttempts)
    .set({ ...finish, finishedAt: sql`now()` })
    .where(
      and(
        eq(verificationAttempts.id, params.attemptId),
        eq(verificationAttempts.connectionId, params.connectionId),
        eq(verificationAttempts.outcome, 'in_progress'),
      ),
    );
}

export async function listAttempts(db: Db, params: { connectionId: string; limit?: number }) {
  return db
    .select()
    .from(verificationAttempts)
    .where(eq(verificationAttempts.connectionId, params.connectionId))
    .orderBy(desc(verificationAttempts.createdAt))
    .limit(params.limit ?? 20);
}

/** The latest failed attempt's message: what the merchant is told after a refused test order. */
export async function getLastFailureMessage(db: Db, params: { connectionId: string }) {
  const [row] = await db
    .select({ message: verificationAttempts.errorMessage })
    .from(verificationAttempts)
    .where(and(eq(verificationAttempts.connectionId, params.connectionId), eq(verificationAttempts.outcome, 'failed')))
    .orderBy(desc(verificationAttempts.createdAt))
    .limit(1);
  return row?.message ?? null;
}

/** How each of these credential sets was verified: its succeeded attempt (finish time and gateway order). */
export async function listVerifications(db: Db, params: { connectionId: string; credentialsIds: string[] }) {
  type Verification = { at: Date; gatewayOrderId: string | null };
  if (params.credentialsIds.length === 0) return new Map<string, Verification>();
  const rows = await db
    .select({
      credentialsId: verificationAttempts.credentialsId,
      at: verificationAttempts.finishedAt,
      gatewayOrderId: verificationAttempts.gatewayOrderId,
    })
    .from(verificationAttempts)
    .where(
      and(
        eq(verificationAttempts.connectionId, params.connectionId),
        inArray(verificationAttempts.credentialsId, params.credentialsIds),
        eq(verificationAttempts.outcome, 'succeeded'),
      ),
    );
  return new Map<string, Verification>(
    rows.filter((r) => r.at).map((r) => [r.credentialsId, { at: r.at!, gatewayOrderId: r.gatewayOrderId }]),
  );
}
