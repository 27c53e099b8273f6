import type { Db } from '@/db/client';
import { hitRateWindow } from '@/db/queries/api-rate-windows';
import { env } from '@/lib/env';
import { ApiV1Error } from './errors';

/** Counts the request against its key (shared by every instance); over the limit → 429 with Retry-After. */
export async function enforceRateLimit(db: Db, params: { keyId: string }) {
  const limit = env.API_RATE_LIMIT_PER_MINUTE;
  const { current, previous, elapsedSeconds } = await hitRateWindow(db, params);
  const estimate = current + previous * Math.max(0, (60 - elapsedSeconds) / 60);
  if (estimate <= limit) return;
  // When enough of the previous minute has slid out of the window for this request to fit.
  const waitSeconds = previous > 0 && current <= limit ? Math.ceil(((estimate - limit) / previous) * 60) : Math.ceil(60 - elapsedSeconds);
  const retryAfter = String(Math.min(60, Math.max(1, waitSeconds)));
  throw new ApiV1Error(429, 'rate_limit_error', 'rate_limited', `Too many requests for this key: at most ${limit} a minute. Retry after ${retryAfter} s.`, undefined, {
    'Retry-After': retryAfter,
  });
}
