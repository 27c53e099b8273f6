import { lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { apiRateWindows } from '../schema';

const thisMinute = sql`date_trunc('minute', now())`;

/**
 * Counts this request in its key's current minute and returns what a sliding window needs: this
 * minute's count, the previous minute's, and how far into this minute we are. One statement, so
 * every instance shares the same counters.
 */
export async function hitRateWindow(db: Db, params: { keyId: string }) {
  const [row] = await db
    .insert(apiRateWindows)
    .values({ keyId: params.keyId, windowStart: thisMinute, count: 1 })
    .onConflictDoUpdate({ target: [apiRateWindows.keyId, apiRateWindows.windowStart], set: { count: sql`${apiRateWindows.count} + 1` } })
    .returning({
      current: apiRateWindows.count,
      previous: sql<number>`coalesce((select w.count from ${apiRateWindows} w
        where w.key_id = ${params.keyId} and w.window_start = ${thisMinute} - interval '1 minute'), 0)::integer`,
      elapsedSeconds: sql<number>`extract(epoch from now() - ${thisMinute})::float8`,
    });
  return { current: row!.current, previous: Number(row!.previous), elapsedSeconds: Number(row!.elapsedSeconds) };
}

export async function pruneRateWindows(db: Db) {
  const rows = await db
    .delete(apiRateWindows)
    .where(lt(apiRateWindows.windowStart, sql`now() - interval '2 minutes'`))
    .returning({ keyId: apiRateWindows.keyId });
  return rows.length;
}
