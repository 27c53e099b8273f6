import { lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { apiRateWindows } from '../schema';
import { admitApiRequest } from './api-admission';

/**
 * Counts this request in its key's current minute and judges the sliding window against the limit
 * (see `admitApiRequest`, which also does it together with an Idempotency-Key claim).
 */
export async function hitRateWindow(db: Db, params: { keyId: string; limitPerMinute: number }) {
  return (await admitApiRequest(db, { rate: params })).rate!;
}

export async function pruneRateWindows(db: Db) {
  const rows = await db
    .delete(apiRateWindows)
    .where(lt(apiRateWindows.windowStart, sql`now() - interval '2 minutes'`))
    .returning({ keyId: apiRateWindows.keyId });
  return rows.length;
}
