/** An amount in paise that serialises as rupees with exactly two decimals (`170.00`). */
export class Rupees {
  constructor(readonly paise: number) {}
  toFixed(): string {
    return (this.paise / 100).toFixed(2);
  }
}

export const rupees = (paise: number) => new Rupees(paise);

/**
 * JSON.stringify, except Rupees become `170.00` in the text. Cashfree bodies keep the two
 * decimals, and signatures are computed over this exact text.
 */
export function decimalJson(value: unknown): string {
  if (value instanceof Rupees) return value.toFixed();
  if (Array.isArray(value)) return `[${value.map((v) => decimalJson(v === undefined ? null : v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${decimalJson(v)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
