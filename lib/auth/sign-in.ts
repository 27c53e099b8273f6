import type { Db } from '@/db';
import { countRecentFailures, recordLoginAttempt } from '@/db/queries/login-attempts';
import { getMerchantByEmail, normalizeEmail } from '@/db/queries/merchants';
import { verifyPassword } from './password';

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
// Higher than per email: many merchants can share one office or mobile-carrier IP.
export const MAX_FAILURES_PER_IP = 50;

export type SignInResult =
  | { ok: true; merchant: { id: string; email: string } }
  | { ok: false; reason: 'invalid' | 'rate_limited' };

/** Checks a password under the per-email and per-IP failure limits, recording the attempt. */
export async function signInWithPassword(
  db: Db,
  params: { email: string; password: string; ip: string },
): Promise<SignInResult> {
  const email = normalizeEmail(params.email);
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
  const failures = await countRecentFailures(db, { email, ip: params.ip, since });
  if (failures.byEmail >= MAX_FAILURES_PER_EMAIL || failures.byIp >= MAX_FAILURES_PER_IP) {
    return { ok: false, reason: 'rate_limited' };
  }
  const merchant = await getMerchantByEmail(db, { email });
  const valid = await verifyPassword(merchant?.passwordHash ?? null, params.password);
  await recordLoginAttempt(db, { email, ip: params.ip, succeeded: valid && !!merchant });
  if (!valid || !merchant) return { ok: false, reason: 'invalid' };
  return { ok: true, merchant: { id: merchant.id, email: merchant.email } };
}
