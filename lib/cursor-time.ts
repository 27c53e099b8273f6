const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * A keyset cursor's time as PostgreSQL wrote it (microseconds, UTC), and one it accepts back:
 * `Date.parse` takes 30 February and year 0, which the database refuses.
 */
export function isCursorTime(at: string): boolean {
  if (!AT.test(at) || at < '1970') return false;
  const parsed = new Date(at.slice(0, 23) + 'Z');
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 23) === at.slice(0, 23);
}
