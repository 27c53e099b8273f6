/**
 * The Transactions page counts days in India Standard Time (UTC+05:30, no daylight saving): the
 * day Razorpay and Cashfree settle in, the same for every merchant whatever their browser says.
 */
export const IST_LABEL = 'IST';
export const IST_TIME_ZONE = 'Asia/Kolkata';
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` between 2000 and 2100, or null. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The instant an IST day (`YYYY-MM-DD`, already checked) starts. */
export function istDayStart(value: string): Date {
  const { year, month, day } = parseIsoDate(value)!;
  return new Date(Date.UTC(year, month - 1, day) - IST_OFFSET_MS);
}

/** The instant the IST day after `value` starts: the exclusive end of a range ending on `value`. */
export function istDayEnd(value: string): Date {
  return new Date(istDayStart(value).getTime() + DAY_MS);
}

/** Today's date in IST, `YYYY-MM-DD`. */
export function istToday(now = new Date()): string {
  return new Date(now.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}
