import { timingSafeEqual } from 'node:crypto';
import type { Db } from '@/db/client';
import { log } from '@/lib/log';
import { findApiKeyByHash, touchApiKeyLastUsed } from '@/db/queries/api-keys';
import type { VerifiedCredentials } from '@/db/queries/gateway-connections';
import type { ApiKeyKind, ApiKeyMode } from './contract';
import { hashToken, parseToken } from './token';

/** `verifiedMode`: the mode of the app's verified gateway credentials, null before verification. */
export type ApiKeyIdentity = { appId: string; keyId: string; mode: ApiKeyMode; verifiedMode: ApiKeyMode | null };

/** `last_used_at` is refreshed at most this often, so a busy key is not a write per request. */
export const LAST_USED_RESOLUTION_SECONDS = 60;

function sameHash(a: string, b: string) {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The app a request's API key belongs to, or null for anything else: a malformed token, another
 * kind of key, an unknown, revoked or expired one. Callers should also refuse a key whose `mode`
 * differs from the app's verified gateway mode.
 */
export async function authenticateApiKey(db: Db, token: string, options: { kind: ApiKeyKind }): Promise<ApiKeyIdentity | null> {
  const found = await authenticateApiKeyWithCredentials(db, token, options);
  return found && { appId: found.appId, keyId: found.keyId, mode: found.mode, verifiedMode: found.verifiedMode };
}

/** The same, with the app's verified gateway credentials (null before verification), read in the same query. */
export async function authenticateApiKeyWithCredentials(
  db: Db,
  token: string,
  options: { kind: ApiKeyKind },
): Promise<(ApiKeyIdentity & { verified: VerifiedCredentials | null }) | null> {
  if (typeof token !== 'string') return null;
  const claimed = parseToken(token);
  if (!claimed || claimed.kind !== options.kind) return null;

  const tokenHash = hashToken(token);
  const key = await findApiKeyByHash(db, { tokenHash, touchIntervalSeconds: LAST_USED_RESOLUTION_SECONDS });
  if (!key || !sameHash(key.tokenHash, tokenHash)) return null;
  if (key.kind !== options.kind || key.mode !== claimed.mode || !key.usable) return null;

  if (key.touchDue) {
    await touchLastUsed(db, key.id);
  }
  const verifiedMode = key.verified?.credentials.mode ?? null;
  return { appId: key.appId, keyId: key.id, mode: key.mode, verifiedMode, verified: key.verified };
}

async function touchLastUsed(db: Db, keyId: string) {
  try {
    await touchApiKeyLastUsed(db, { keyId, intervalSeconds: LAST_USED_RESOLUTION_SECONDS });
  } catch (error) {
    // Bookkeeping only: a failed write must not turn a valid key away.
    log.warn({ event: 'api_key.touch_failed', keyId, message: error instanceof Error ? error.message : String(error) });
  }
}
