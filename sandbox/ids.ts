import { randomInt, randomUUID } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

function pick(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export const alnum = (length: number) => pick(ALNUM, length);
export const hex = (length: number) => pick(HEX, length);
/** Digits without a leading zero, like Cashfree's numeric ids. */
export const digits = (length: number) => String(randomInt(1, 10)) + pick('0123456789', length - 1);

/** Razorpay-style id: `order_`, `pay_`, `rfnd_` + 14 alphanumerics. */
export const razorpayId = (prefix: string) => `${prefix}_${alnum(14)}`;

export const uuid = () => randomUUID();
