const dateTime = new Intl.DateTimeFormat('en-IN', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** Server-rendered times are shown in UTC, labelled, so server and browser agree. */
export const formatDateTime = (date: Date) => `${dateTime.format(date)} UTC`;

const preciseDateTime = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

/** The same to the second: for delivery attempts and retries, seconds apart. */
export const formatPreciseDateTime = (date: Date) => `${preciseDateTime.format(date)} UTC`;

const istDateTime = new Intl.DateTimeFormat('en-IN', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'Asia/Kolkata',
});

const istShortDateTime = new Intl.DateTimeFormat('en-IN', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Asia/Kolkata',
});

/** Money pages count days in IST (lib/transactions/ist.ts): their times are shown in IST, labelled. */
export const formatDateTimeIst = (date: Date) => `${istDateTime.format(date)} IST`;

/** The same to the minute, without the label: for table cells under an "(IST)" heading. */
export const formatShortDateTimeIst = (date: Date) => istShortDateTime.format(date);

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, compact = false) {
  const key = `${currency}:${compact}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const shape = compact ? ({ notation: 'compact', maximumFractionDigits: 1 } as const) : {};
    try {
      format = new Intl.NumberFormat('en-IN', { style: 'currency', currency, ...shape });
    } catch {
      // Not an ISO 4217 code Intl knows: shown as a plain number with two decimals.
      format = new Intl.NumberFormat('en-IN', compact ? shape : { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(key, format);
  }
  return format;
}

/** Digits after the decimal point in the currency's minor unit (INR 2, JPY 0, KWD 3). */
export const minorUnitDigits = (currency: string) => moneyFormat(currency).resolvedOptions().maximumFractionDigits ?? 2;

/** An amount in minor units as a decimal string without grouping or symbol (`12345` INR → `123.45`). */
export function minorToDecimal(amount: number, currency: string) {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(amount);
  const sign = amount < 0 ? '-' : '';
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Minor units in the currency's major unit (paise → rupees), for a chart's axis. */
export const toMajorUnits = (amount: number, currency: string) => Number(minorToDecimal(amount, currency));

/** An amount already in major units (a chart axis), in its currency; `compact`: ₹1.2K. */
export function formatMajorUnits(amount: number, currency: string, options: { compact?: boolean } = {}) {
  const format = moneyFormat(currency, options.compact);
  const text = format.format(amount);
  return format.resolvedOptions().style === 'currency' ? text : `${text} ${currency}`;
}

/** An amount in minor units, in its currency (`12345` INR → `₹123.45`). */
export const formatMoney = (amount: number, currency: string, options: { compact?: boolean } = {}) =>
  formatMajorUnits(toMajorUnits(amount, currency), currency, options);
