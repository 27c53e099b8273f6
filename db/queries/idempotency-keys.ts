import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { apiIdempotencyKeys } from '../schema';

type Scope = { appId: string; mode: 'test' | 'live'; key: string };

/** How long a key's first answer is replayed. */
export const IDEMPOTENCY_TTL_HOURS = 24;

/**
 * Claims the key for this request: true when the caller should run it. A key older than the TTL
 * starts over; a running claim past `locked_until` (its instance died) is taken over by the same
 * request. Otherwise the existing row decides (see `getIdempotencyKey`).
 */
export async function claimIdempotencyKey(db: Db, params: Scope & { requestHash: string; lockSeconds: number }) {
  const lockedUntil = sql`now() + ${params.lockSeconds} * interval '1 second'`;
  const rows = await db
    .insert(apiIdempotencyKeys)
    .values({ appId: params.appId, mode: params.mode, key: params.key, requestHash: params.requestHash, lockedUntil })
    .onConflictDoUpdate({
      target: [apiIdempotencyKeys.appId, apiIdempotencyKeys.mode, apiIdempotencyKeys.key],
      set: { requestHash: params.requestHash, state: 'running', responseStatus: null, responseBody: null, lockedUntil, createdAt: sql`now()` },
      setWhere: sql`${apiIdempotencyKeys.createdAt} < now() - ${IDEMPOTENCY_TTL_HOURS} * interval '1 hour'
        or (${apiIdempotencyKeys.state} = 'running' and ${apiIdempotencyKeys.lockedUntil} < now()
            and ${apiIdempotencyKeys.requestHash} = ${params.requestHash})`,
    })
    .returning({ key: apiIdempotencyKeys.key });
  return rows.length === 1;
}

export async function getIdempotencyKey(db: Db, params: Scope) {
  const [row] = await db
    .select({
      requestHash: apiIdempotencyKeys.requestHash,
      state: apiIdempotencyKeys.state,
      responseStatus: apiIdempotencyKeys.responseStatus,
      responseBody: apiIdempotencyKeys.responseBody,
    })
    .from(apiIdempotencyKeys)
    .where(scope(params));
  return row ?? null;
}

/** Stores the answer to replay. Only the claim's own request completes it. */
export async function completeIdempotencyKey(db: Db, params: Scope & { requestHash: string; status: number; body: string }) {
  await db
    .update(apiIdempotencyKeys)
    .set({ state: 'completed', responseStatus: params.status, responseBody: params.body })
    .where(and(scope(params), eq(apiIdempotencyKeys.requestHash, params.requestHash), eq(apiIdempotencyKeys.state, 'running')));
}

/** Gives the key back (the request did not complete): a retry with it runs again. */
export async function releaseIdempotencyKey(db: Db, params: Scope & { requestHash: string }) {
  await db
    .delete(apiIdempotencyKeys)
    .where(and(scope(params), eq(apiIdempotencyKeys.requestHash, params.requestHash), eq(apiIdempotencyKeys.state, 'running')));
}

export async function pruneIdempotencyKeys(db: Db) {
  const rows = await db
    .delete(apiIdempotencyKeys)
    .where(lt(apiIdempotencyKeys.createdAt, sql`now() - ${IDEMPOTENCY_TTL_HOURS} * interval '1 hour'`))
    .returning({ key: apiIdempotencyKeys.key });
  return rows.length;
}

const scope = (params: Scope) =>
  and(eq(apiIdempotencyKeys.appId, params.appId), eq(apiIdempotencyKeys.mode, params.mode), eq(apiIdempotencyKeys.key, params.key));
