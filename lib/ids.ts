import { randomInt } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Uniform random base62 string from the CSPRNG. */
export function randomBase62(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[randomInt(62)];
  return out;
}

export const newAppPublicId = () => `app_${randomBase62(16)}`;
export const newOrderId = () => `ord_${randomBase62(16)}`;

/** Ids from URLs are checked for shape before any query: a malformed one names nothing. */
export const isAppPublicId = (value: string) => /^app_[0-9A-Za-z]{16}$/.test(value);
export const isWebhookEndpointId = (value: string) => /^whe_[0-9A-Za-z]{24}$/.test(value);
export const isOrderId = (value: string) => /^ord_[0-9A-Za-z]{16}$/.test(value);
