import type { Db } from '@/db';
import { pruneRateWindows } from '@/db/queries/api-rate-windows';
import { pruneIdempotencyKeys } from '@/db/queries/idempotency-keys';
import { pruneMerchantEvents } from '@/db/queries/outbound-deliveries';
import { pruneSignInRecords } from '@/lib/auth/prune';
import { log } from '@/lib/log';

const PRUNE_EVERY_MS = 10 * 60 * 1000;

/**
 * Rows past their use: sign-in attempts and sessions, idempotency keys past 24 h, old rate windows,
 * merchant events (and their delivery log) after 90 days once delivered or given up.
 */
export async function pruneExpiredRecords(db: Db) {
  await pruneSignInRecords(db);
  await pruneIdempotencyKeys(db);
  await pruneRateWindows(db);
  await pruneMerchantEvents(db);
}

/**
 * Prunes now, then every PRUNE_EVERY_MS for as long as the process lives (the timer never keeps it
 * alive). Several instances pruning the same rows is harmless: deletes of old rows only.
 */
export async function startPruning(db: Db): Promise<NodeJS.Timeout> {
  await pruneExpiredRecords(db);
  const run = () =>
    pruneExpiredRecords(db).catch((error: unknown) =>
      log.warn({ event: 'prune_failed', message: error instanceof Error ? error.message : String(error) }),
    );
  return setInterval(run, PRUNE_EVERY_MS).unref();
}
