/** Cashfree speaks decimal rupees; everything inside KS Pay is integer paise. */
export function paiseToRupees(paise: number): number {
  return Math.round(paise) / 100;
}

export function rupeesToPaise(rupees: number | string): number {
  const value = typeof rupees === 'string' ? Number(rupees) : rupees;
  if (!Number.isFinite(value)) throw new RangeError('amount is not a number');
  // Round on the decimal string so 0.29 * 100 = 28.999… still becomes 29.
  return Math.round(Number(value.toFixed(2)) * 100);
}
