import { createHmac, timingSafeEqual } from 'node:crypto';
import { getAuthSecret } from '@/lib/dev-secrets';
import { env } from '@/lib/env';

/** How long a browser stays known for the email it last signed in to. */
const KNOWN_DEVICE_SECONDS = 90 * 24 * 60 * 60;

const secure = () => new URL(env.APP_URL).protocol === 'https:';

/** The cookie's name; `__Secure-` prefixed exactly when the session cookies are. */
export const knownDeviceCookieName = () => (secure() ? '__Secure-kspay.known-device' : 'kspay.known-device');

// The label keeps this MAC apart from every other use of AUTH_SECRET.
const mac = (email: string, issuedAt: number) =>
  createHmac('sha256', getAuthSecret()).update(`kspay.known-device\0${email}\0${issuedAt}`).digest();

/**
 * The cookie a successful sign-in leaves, proving later that this browser has signed in to
 * `email` (normalised) before: `<issued-at seconds>.<HMAC>`. The email itself is not in it.
 */
export function knownDeviceCookie(email: string, now = new Date()) {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return {
    name: knownDeviceCookieName(),
    value: `${issuedAt}.${mac(email, issuedAt).toString('base64url')}`,
    options: { httpOnly: true, sameSite: 'lax' as const, secure: secure(), path: '/', maxAge: KNOWN_DEVICE_SECONDS },
  };
}

/** Whether `value` is a known-device cookie for `email` (normalised), issued in the last 90 days. */
export function isKnownDevice(value: string | undefined, email: string, now = new Date()): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  if (!match) return false;
  const issuedAt = Number(match[1]);
  const age = now.getTime() / 1000 - issuedAt;
  // A minute of clock skew between instances.
  if (age < -60 || age > KNOWN_DEVICE_SECONDS) return false;
  return timingSafeEqual(Buffer.from(match[2]!, 'base64url'), mac(email, issuedAt));
}
