import type { Db } from '@/db/client';
import type { RateCount } from '@/db/queries/api-admission';
import { hitRateWindow } from '@/db/queries/api-rate-windows';
import { env } from '@/lib/env';
import { ApiV1Error } from './errors';

/** What the per-key limit needs to count a request (shared by every instance). */
export const rateLimitFor = (keyId: string) => ({ keyId, limitPerMinute: env.API_RATE_LIMIT_PER_MINUTE });

/** Counts the request against its key; over the limit → 429 with Retry-After. */
export async function enforceRateLimit(db: Db, params: { keyId: string }) {
  refuseOverLimit(await hitRateWindow(db, rateLimitFor(params.keyId)), env.API_RATE_LIMIT_PER_MINUTE);
}

/** The 429 for a request the window did not allow, saying when one would fit. */
export function refuseOverLimit(count: RateCount, limit: number) {
  if (count.allowed) return;
  const { current, previous, elapsedSeconds, estimate } = count;
  // When enough of the previous minute has slid out of the window for this request to fit.
  const waitSeconds = previous > 0 && current <= limit ? Math.ceil(((estimate - limit) / previous) * 60) : Math.ceil(60 - elapsedSeconds);
  const retryAfter = String(Math.min(60, Math.max(1, waitSeconds)));
  throw new ApiV1Error(429, 'rate_limit_error', 'rate_limited', `Too many requests for this key: at most ${limit} a minute. Retry after ${retryAfter} s.`, undefined, {
    'Retry-After': retryAfter,
  });
}
