/** Svix's schedule after the first attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (eight attempts in all). */
export const DEFAULT_RETRY_SCHEDULE_SECONDS = [5, 300, 1800, 7200, 18000, 36000, 36000];

/** A receiver's Retry-After is honoured up to this. */
const MAX_RETRY_AFTER_SECONDS = 24 * 3600;

/**
 * When a delivery that just failed its `failedSoFar`-th attempt of this round is tried again,
 * or null when the schedule is used up: the step's delay ±10 % jitter, or later when the
 * receiver asked for it.
 */
export function nextAttemptAt(
  failedSoFar: number,
  options: { schedule: readonly number[]; retryAfterSeconds?: number; now?: Date; random?: () => number },
): Date | null {
  const delay = options.schedule[failedSoFar - 1];
  if (delay === undefined) return null;
  const now = options.now ?? new Date();
  const jittered = delay * (0.9 + 0.2 * (options.random ?? Math.random)());
  const wait = Math.max(jittered, Math.min(options.retryAfterSeconds ?? 0, MAX_RETRY_AFTER_SECONDS));
  return new Date(now.getTime() + wait * 1000);
}

/** `OUTBOUND_WEBHOOK_SCHEDULE=1,1,2`: a compressed schedule (tests, demos). */
export function parseSchedule(value: string | undefined): number[] {
  if (!value) return DEFAULT_RETRY_SCHEDULE_SECONDS;
  const steps = value.split(',').map((s) => Number(s.trim()));
  if (steps.some((s) => !Number.isFinite(s) || s < 0)) throw new Error('OUTBOUND_WEBHOOK_SCHEDULE: comma-separated seconds, like 5,300,1800');
  return steps;
}
