import type { RetryPolicy } from './types';

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 2_000 };

export function retryPolicy(overrides: Partial<RetryPolicy> | undefined): RetryPolicy {
  return { ...DEFAULT_RETRY, ...overrides };
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so
 * clients that failed together do not retry together. `retryAfterMs` (from a 429) wins
 * when the gateway asks for longer, still capped by maxDelayMs.
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number | null): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = exp / 2 + Math.random() * (exp / 2);
  return Math.min(policy.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Parses a Retry-After header given in seconds; dates and junk are ignored. */
export function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}
