import type { Db } from '@/db';
import { countRecentFailures, finishLoginAttempt, insertLoginAttempt, lockLoginKeys } from '@/db/queries/login-attempts';
import { getMerchantByEmail, normalizeEmail } from '@/db/queries/merchants';
import { createSession } from '@/db/queries/sessions';
import { isKnownDevice } from './known-device';
import { limiterKey } from './limiter-key';
import { verifyPassword } from './password';

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Per (email, client): the owner's own mistakes, or one stranger's guesses, lock only that client out. */
export const MAX_FAILURES_PER_CLIENT = 5;
/**
 * Per email across all clients: bounds distributed guessing. A known device (one that has signed in
 * to this email before: lib/auth/known-device.ts) is exempt from it and from the delay below, so
 * strangers with many addresses cannot lock the owner out; it keeps its per-client limit.
 */
export const MAX_FAILURES_PER_EMAIL = 50;
// Higher than per client: many merchants can share one office or mobile-carrier IP.
export const MAX_FAILURES_PER_IP = 50;
/**
 * Past this many failures on an email (from anywhere), each further check must wait after the
 * previous one: 1 s, 2 s, 4 s … up to MAX_DELAY_MS. One client's five tries are never delayed.
 */
const FAILURES_BEFORE_DELAY = MAX_FAILURES_PER_CLIENT;
export const MAX_DELAY_MS = 10_000;

export const delayAfter = (failures: number) =>
  failures < FAILURES_BEFORE_DELAY ? 0 : Math.min(1000 * 2 ** (failures - FAILURES_BEFORE_DELAY), MAX_DELAY_MS);

type Refusal = { ok: false; reason: 'rate_limited' } | { ok: false; reason: 'slow_down'; retryAfterMs: number };

export type SignInResult =
  | { ok: true; merchant: { id: string; email: string; sessionId: string; sessionVersion: number } }
  | { ok: false; reason: 'invalid' }
  | Refusal;

/**
 * Checks a password under the limits. The attempt is reserved (inserted, under advisory locks on the
 * email and the client) before the password is checked, so parallel attempts cannot exceed a limit;
 * only a reserved attempt reaches argon2. A success opens a session and clears the email's count.
 * `device` is the browser's known-device cookie, if it sent one.
 */
export async function signInWithPassword(
  db: Db,
  params: { email: string; password: string; ip: string; device?: string },
  now = new Date(),
): Promise<SignInResult> {
  const email = normalizeEmail(params.email);
  const ip = limiterKey(params.ip);
  const reserved = await reserveAttempt(db, { email, ip }, isKnownDevice(params.device, email, now), now);
  if (typeof reserved !== 'string') return reserved;
  const merchant = await getMerchantByEmail(db, { email });
  const valid = await verifyPassword(merchant?.passwordHash ?? null, params.password);
  const succeeded = valid && !!merchant;
  await finishLoginAttempt(db, { id: reserved, succeeded });
  if (!succeeded) return { ok: false, reason: 'invalid' };
  const session = await createSession(db, { merchantId: merchant.id });
  return {
    ok: true,
    merchant: { id: merchant.id, email: merchant.email, sessionId: session.id, sessionVersion: merchant.sessionVersion },
  };
}

async function reserveAttempt(
  db: Db,
  key: { email: string; ip: string },
  knownDevice: boolean,
  now: Date,
): Promise<string | Refusal> {
  return db.transaction(async (tx) => {
    await lockLoginKeys(tx, key);
    const failures = await countRecentFailures(tx, { ...key, since: new Date(now.getTime() - SIGN_IN_WINDOW_MS) });
    // A known device is not held back by what other clients did to this email.
    const emailFailures = knownDevice ? 0 : failures.email;
    if (
      failures.pair >= MAX_FAILURES_PER_CLIENT ||
      emailFailures >= MAX_FAILURES_PER_EMAIL ||
      failures.ip >= MAX_FAILURES_PER_IP
    ) {
      return { ok: false, reason: 'rate_limited' } as const;
    }
    const waitUntil = (failures.lastForEmail?.getTime() ?? 0) + delayAfter(emailFailures);
    if (waitUntil > now.getTime()) return { ok: false, reason: 'slow_down', retryAfterMs: waitUntil - now.getTime() } as const;
    return insertLoginAttempt(tx, { ...key, at: now });
  });
}
