import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { apiIdempotencyKeys } from '../schema';
import { admitApiRequest, IDEMPOTENCY_TTL_HOURS } from './api-admission';

type Scope = { appId: string; mode: 'test' | 'live'; key: string };

export { IDEMPOTENCY_TTL_HOURS };

/**
 * Claims the key for this request: true when the caller should run it (see `admitApiRequest`,
 * which also takes it together with the rate-limit count).
 */
export async function claimIdempotencyKey(db: Db, params: Scope & { requestHash: string; lockSeconds: number }) {
  return (await admitApiRequest(db, { claim: params })).claimed;
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
