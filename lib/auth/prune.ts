import type { Db } from '@/db';
import { pruneLoginAttempts } from '@/db/queries/login-attempts';
import { pruneSessions } from '@/db/queries/sessions';
import { log } from '@/lib/log';
import { SESSION_MAX_AGE_MS } from './session-state';
import { SIGN_IN_WINDOW_MS } from './sign-in';

const PRUNE_EVERY_MS = 10 * 60 * 1000;

/** Deletes sign-in attempts outside the limiter's window and sessions past their lifetime. */
export async function pruneSignInRecords(db: Db, now = new Date()) {
  await pruneLoginAttempts(db, { before: new Date(now.getTime() - SIGN_IN_WINDOW_MS) });
  await pruneSessions(db, { before: new Date(now.getTime() - SESSION_MAX_AGE_MS) });
}

/**
 * Prunes now, then every PRUNE_EVERY_MS for as long as the process lives (the timer never keeps it
 * alive). Several instances pruning the same rows is harmless: deletes of old rows only.
 */
export async function startPruning(db: Db): Promise<NodeJS.Timeout> {
  await pruneSignInRecords(db);
  const run = () =>
    pruneSignInRecords(db).catch((error: unknown) =>
      log.warn({ event: 'auth.prune_failed', message: error instanceof Error ? error.message : String(error) }),
    );
  return setInterval(run, PRUNE_EVERY_MS).unref();
}
