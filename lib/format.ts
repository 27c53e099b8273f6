const dateTime = new Intl.DateTimeFormat('en-IN', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** Server-rendered times are shown in UTC, labelled, so server and browser agree. */
export const formatDateTime = (date: Date) => `${dateTime.format(date)} UTC`;

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

function moneyFormat(currency: string) {
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-IN', { style: 'currency', currency });
    } catch {
      // Not an ISO 4217 code Intl knows: shown as a plain number with two decimals.
      format = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(currency, format);
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

/** An amount in minor units, in its currency (`12345` INR → `₹123.45`). */
export function formatMoney(amount: number, currency: string) {
  const format = moneyFormat(currency);
  const text = format.format(Number(minorToDecimal(amount, currency)));
  return format.resolvedOptions().style === 'currency' ? text : `${text} ${currency}`;
}
