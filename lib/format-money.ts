const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, compact: boolean) {
  const key = `${currency}:${compact}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-IN', { style: 'currency', currency, ...(compact && { notation: 'compact', maximumFractionDigits: 1 }) });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Minor units of `currency` in its major unit (paise → rupees), per the currency's own decimals. */
export function toMajorUnits(amount: number, currency: string) {
  const digits = formatterFor(currency, false).resolvedOptions().maximumFractionDigits ?? 2;
  return amount / 10 ** digits;
}

/** An amount already in major units (a chart axis), shown in its currency. */
export const formatMajorUnits = (amount: number, currency: string, options: { compact?: boolean } = {}) =>
  formatterFor(currency, options.compact ?? false).format(amount);

/** An amount held in minor units, shown in its currency: 50000 INR → ₹500.00. */
export const formatMoney = (amount: number, currency: string, options: { compact?: boolean } = {}) =>
  formatMajorUnits(toMajorUnits(amount, currency), currency, options);
