import { createHash } from 'node:crypto';
import type { Db } from '@/db/client';
import { admitApiRequest } from '@/db/queries/api-admission';
import { completeIdempotencyKey, getIdempotencyKey, releaseIdempotencyKey } from '@/db/queries/idempotency-keys';
import { decryptSecret, encryptSecret } from '@/lib/crypto';
import { ApiV1Error } from './errors';
import { rateLimitFor, refuseOverLimit } from './rate-limit';

/** A claim older than this is taken as abandoned (its instance died mid-request). */
const LOCK_SECONDS = 60;
const MAX_KEY_LENGTH = 255;

export type Stored = { status: number; body: string };
type Scope = { appId: string; mode: 'test' | 'live'; key: string; requestHash: string };

/** The request's Idempotency-Key, checked; null when it sent none. */
export function readIdempotencyKey(request: Request): string | null {
  const key = request.headers.get('idempotency-key');
  if (key === null) return null;
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw new ApiV1Error(400, 'idempotency_error', 'idempotency_key_invalid', `Idempotency-Key must be 1–${MAX_KEY_LENGTH} visible ASCII characters.`);
  }
  return key;
}

export const requestHash = (method: string, path: string, body: string) =>
  createHash('sha256').update(`${method} ${path}\n`).update(body).digest('hex');

/** Answers stored before they were sealed are JSON (`{…}`), never a sealed `v1.…`: kept 24 h at most. */
const openStored = (body: string) => (body.startsWith('{') ? body : decryptSecret(body));

/**
 * Runs `execute` once per key: a replay of a completed request gets its stored answer; the same key
 * with another request → 422; while the first still runs → 409. 5xx answers are not stored (the
 * request did not complete), so a retry with the key runs again. With `rateLimitKeyId`, the
 * request is counted against that key's rate limit in the same statement as the claim, and one
 * over the limit is a 429 that claimed nothing.
 */
export async function withIdempotency(
  db: Db,
  scope: Scope,
  execute: () => Promise<Stored>,
  options: { rateLimitKeyId?: string } = {},
): Promise<Stored & { replayed: boolean }> {
  const rate = options.rateLimitKeyId ? rateLimitFor(options.rateLimitKeyId) : undefined;
  const admitted = await admitApiRequest(db, { rate, claim: { ...scope, lockSeconds: LOCK_SECONDS } });
  if (rate) refuseOverLimit(admitted.rate!, rate.limitPerMinute);
  if (!admitted.claimed) {
    const existing = await getIdempotencyKey(db, scope);
    if (existing && existing.requestHash !== scope.requestHash) {
      throw new ApiV1Error(422, 'idempotency_error', 'idempotency_error', 'This Idempotency-Key was already used with a different request. Use a new key for a new request.');
    }
    if (existing?.state === 'completed' && existing.responseStatus !== null && existing.responseBody !== null) {
      return { status: existing.responseStatus, body: openStored(existing.responseBody), replayed: true };
    }
    throw new ApiV1Error(409, 'idempotency_error', 'idempotency_in_progress', 'A request with this Idempotency-Key is still being processed. Retry in a moment.', undefined, {
      'Retry-After': '1',
    });
  }
  let answer: Stored;
  try {
    answer = await execute();
  } catch (error) {
    await releaseIdempotencyKey(db, scope).catch(() => undefined);
    throw error;
  }
  if (answer.status >= 500) await releaseIdempotencyKey(db, scope);
  // Sealed: an answer may carry a secret (a webhook endpoint's, at creation) or a customer's details.
  else await completeIdempotencyKey(db, { ...scope, status: answer.status, body: encryptSecret(answer.body) });
  return { ...answer, replayed: false };
}
