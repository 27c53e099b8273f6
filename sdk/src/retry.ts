/** How long to wait before retry number `attempt` (1, 2, …): exponential, capped, with jitter. */
export function backoffDelay(attempt: number, { baseMs, maxMs }: { baseMs: number; maxMs: number }, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  // "Equal jitter": at least half the step, so retries spread out but never bunch at zero.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An IMF-fixdate such as "Tue, 01 Dec 2026 10:00:30 GMT"; anything else is unreadable.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed)) return undefined;
  return Math.max(0, Date.parse(trimmed) - now);
}

/** Statuses worth another try: the same request may well succeed later. */
export const isRetryableStatus = (status: number) => status === 429 || status >= 500;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
