import { describe, expect, it } from 'vitest';
import { formatMajorUnits, formatMoney, minorToDecimal, toMajorUnits } from './format';

describe('money formatting', () => {
  it('reads minor units by the currency’s own decimals, exactly', () => {
    expect(minorToDecimal(12_345, 'INR')).toBe('123.45');
    expect(minorToDecimal(5, 'INR')).toBe('0.05');
    expect(minorToDecimal(-150, 'INR')).toBe('-1.50');
    expect(minorToDecimal(500, 'JPY')).toBe('500');
    expect(minorToDecimal(1_234, 'KWD')).toBe('1.234');
    expect(toMajorUnits(49_900, 'INR')).toBe(499);
  });

  it('shows an amount in its currency, compact for axes, and a code Intl does not know as a number', () => {
    expect(formatMoney(49_900, 'INR')).toBe('₹499.00');
    expect(formatMoney(123_456_789, 'INR', { compact: true })).toMatch(/^₹12(\.3)?L$/);
    expect(formatMajorUnits(1_200, 'INR', { compact: true })).toMatch(/^₹1\.2K$/);
    expect(formatMoney(12_345, 'XYZ1')).toBe('123.45 XYZ1');
  });
});
