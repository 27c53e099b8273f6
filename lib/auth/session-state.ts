import type { Db } from '@/db';
import { getSessionState } from '@/db/queries/sessions';

/** However often it is renewed, a session ends this long after its sign-in. */
export const SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

type SessionClaims = { merchantId: string; sessionId: string; sessionVersion: number };
export type SessionMerchant = { id: string; email: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The merchant of a signed token, if its session is still live: not signed out, not signed out of
 * all devices since it was issued, and younger than SESSION_MAX_AGE_MS. Tokens from before
 * sessions had rows carry no session id and are refused.
 */
export async function liveSessionMerchant(
  db: Db,
  claims: Partial<SessionClaims>,
  now = new Date(),
): Promise<SessionMerchant | null> {
  const { merchantId, sessionId, sessionVersion } = claims;
  if (!merchantId || !sessionId || typeof sessionVersion !== 'number' || !UUID.test(merchantId) || !UUID.test(sessionId)) {
    return null;
  }
  const state = await getSessionState(db, { sessionId, merchantId });
  if (!state || state.revokedAt || state.sessionVersion !== sessionVersion) return null;
  if (now.getTime() - state.createdAt.getTime() > SESSION_MAX_AGE_MS) return null;
  return { id: merchantId, email: state.email };
}
