import type { Db } from '@/db';
import { pruneLoginAttempts } from '@/db/queries/login-attempts';
import { pruneSessions } from '@/db/queries/sessions';
import { SESSION_MAX_AGE_MS } from './session-state';
import { SIGN_IN_WINDOW_MS } from './sign-in';

/** Deletes sign-in attempts outside the limiter's window and sessions past their lifetime. */
export async function pruneSignInRecords(db: Db, now = new Date()) {
  await pruneLoginAttempts(db, { before: new Date(now.getTime() - SIGN_IN_WINDOW_MS) });
  await pruneSessions(db, { before: new Date(now.getTime() - SESSION_MAX_AGE_MS) });
}
