import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { createMerchant } from '@/db/queries/merchants';
import { loginAttempts, merchantSessions } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import { knownDeviceCookie } from './known-device';
import { hashPassword } from './password';
import {
  MAX_DELAY_MS,
  MAX_FAILURES_PER_CLIENT,
  MAX_FAILURES_PER_EMAIL,
  MAX_FAILURES_PER_IP,
  delayAfter,
  signInWithPassword,
} from './sign-in';

let database: Database;
const password = 'correct horse battery';
let passwordHash: string;
let n = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  passwordHash = await hashPassword(password);
});
afterAll(() => database.close());

async function newMerchant() {
  const email = `m${++n}@example.com`;
  await createMerchant(database.db, { email, passwordHash });
  return email;
}
/** Every reserved attempt row is exactly one argon2 verification. */
const checked = async (email: string) =>
  (await database.db.select().from(loginAttempts).where(eq(loginAttempts.email, email))).length;
const attempt = (email: string, ip: string, pw: string, now?: Date) =>
  signInWithPassword(database.db, { email, password: pw, ip }, now);
const later = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe('signInWithPassword', () => {
  it('accepts the right password, case-insensitively on the email, and opens a session', async () => {
    const email = await newMerchant();
    const result = await attempt(` ${email.toUpperCase()} `, '10.0.0.1', password);
    expect(result).toMatchObject({ ok: true, merchant: { email, sessionVersion: 0 } });
    if (!result.ok) return;
    const [session] = await database.db.select().from(merchantSessions).where(eq(merchantSessions.id, result.merchant.sessionId));
    expect(session).toMatchObject({ merchantId: result.merchant.id, revokedAt: null });
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const email = await newMerchant();
    expect(await attempt(email, '10.0.0.2', 'nope-nope-nope')).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt('ghost@example.com', '10.0.0.2', password)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('checks exactly 5 of 30 parallel wrong passwords against the hash', async () => {
    const email = await newMerchant();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(email, '10.0.1.1', `wrong-${i}`)));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(MAX_FAILURES_PER_CLIENT);
    expect(results.filter((r) => !r.ok && r.reason === 'rate_limited')).toHaveLength(30 - MAX_FAILURES_PER_CLIENT);
    expect(await checked(email)).toBe(MAX_FAILURES_PER_CLIENT);
    // The right password from that client is refused too, unchecked.
    expect(await attempt(email, '10.0.1.1', password)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await checked(email)).toBe(MAX_FAILURES_PER_CLIENT);
  });

  it("a stranger's five guesses lock out the stranger, not the owner on another IP", async () => {
    const email = await newMerchant();
    const t0 = new Date();
    for (let i = 0; i < MAX_FAILURES_PER_CLIENT; i++) {
      expect(await attempt(email, '198.51.100.66', `guess-${i}`, t0)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await attempt(email, '198.51.100.66', password, later(t0, 60_000))).toEqual({ ok: false, reason: 'rate_limited' });
    // The owner waits out the short delay the stranger's failures started, at most.
    expect(await attempt(email, '203.0.113.7', password, t0)).toMatchObject({ ok: false, reason: 'slow_down' });
    expect(await attempt(email, '203.0.113.7', password, later(t0, delayAfter(5)))).toMatchObject({ ok: true });
  });

  it('makes each check past the fifth failure of an email wait longer, from any client', async () => {
    const email = await newMerchant();
    let now = new Date();
    for (let i = 0; i < MAX_FAILURES_PER_CLIENT; i++) await attempt(email, '192.0.2.10', `guess-${i}`, now);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const early = await attempt(email, `192.0.2.${20 + i}`, 'guess', now);
      expect(early).toMatchObject({ ok: false, reason: 'slow_down' });
      const wait = early.ok || early.reason !== 'slow_down' ? 0 : early.retryAfterMs;
      waits.push(wait);
      now = later(now, wait);
      expect(await attempt(email, `192.0.2.${20 + i}`, 'guess', now)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, MAX_DELAY_MS, MAX_DELAY_MS]);
  });

  it('stops every client at the per-email ceiling', async () => {
    const email = await newMerchant();
    let now = new Date();
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      now = later(now, MAX_DELAY_MS);
      expect(await attempt(email, `172.16.${Math.floor(i / MAX_FAILURES_PER_CLIENT)}.1`, `guess-${i}`, now)).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    expect(await attempt(email, '172.17.0.1', password, later(now, MAX_DELAY_MS))).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await checked(email)).toBe(MAX_FAILURES_PER_EMAIL);
  });

  it("strangers' failures from 10 clients do not keep the owner's known device out; unknown clients stay limited", async () => {
    const email = await newMerchant();
    const device = knownDeviceCookie(email, new Date(Date.now() - 30 * 24 * 60 * 60 * 1000)).value;
    const fromDevice = (ip: string, pw: string, now: Date, cookie = device) =>
      signInWithPassword(database.db, { email, password: pw, ip, device: cookie }, now);
    let now = new Date();
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      now = later(now, MAX_DELAY_MS);
      // 10 clients: 5 IPv4 addresses and 5 IPv6 /64s, 5 guesses each.
      const client = Math.floor(i / MAX_FAILURES_PER_CLIENT);
      const ip = client < 5 ? `198.18.${client}.1` : `2001:db8:${client}::${i}`;
      expect(await attempt(email, ip, `guess-${i}`, now)).toEqual({ ok: false, reason: 'invalid' });
    }
    // At once, with no delay, from an address the owner never used before.
    expect(await fromDevice('203.0.113.80', password, now)).toMatchObject({ ok: true });
    // Right after that success the email count is cleared: a new round of 50 from the strangers...
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      now = later(now, MAX_DELAY_MS);
      await attempt(email, `198.19.${Math.floor(i / MAX_FAILURES_PER_CLIENT)}.1`, `guess-${i}`, now);
    }
    // ...locks out an unknown client, the right password included, a cookie for another email or a forged one...
    const elsewhere = knownDeviceCookie('someone-else@example.com').value;
    const forged = `${device.split('.')[0]}.${'A'.repeat(43)}`;
    expect(await attempt(email, '203.0.113.81', password, later(now, MAX_DELAY_MS))).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await fromDevice('203.0.113.81', password, later(now, MAX_DELAY_MS), elsewhere)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await fromDevice('203.0.113.81', password, later(now, MAX_DELAY_MS), forged)).toEqual({ ok: false, reason: 'rate_limited' });
    // ...not the known device.
    expect(await fromDevice('203.0.113.80', password, now)).toMatchObject({ ok: true });
  });

  it('a known device keeps its own per-client limit', async () => {
    const email = await newMerchant();
    const device = knownDeviceCookie(email).value;
    const now = new Date();
    const fromDevice = (pw: string) => signInWithPassword(database.db, { email, password: pw, ip: '203.0.113.90', device }, now);
    for (let i = 0; i < MAX_FAILURES_PER_CLIENT; i++) expect(await fromDevice(`guess-${i}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await fromDevice(password)).toEqual({ ok: false, reason: 'rate_limited' });
  });

  it('counts an IPv6 client by its /64', async () => {
    const email = await newMerchant();
    const now = new Date();
    for (let i = 1; i <= MAX_FAILURES_PER_CLIENT; i++) await attempt(email, `2001:db8:1:2::${i}`, 'guess', now);
    const next = later(now, MAX_DELAY_MS);
    expect(await attempt(email, '2001:db8:1:2:ffff:ffff:ffff:9', password, next)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await attempt(email, '2001:db8:1:3::1', password, next)).toMatchObject({ ok: true });
  });

  it('a success clears the email count', async () => {
    const email = await newMerchant();
    for (let i = 0; i < MAX_FAILURES_PER_CLIENT - 1; i++) await attempt(email, '10.3.0.1', 'wrong-password');
    expect((await attempt(email, '10.3.0.1', password)).ok).toBe(true);
    expect(await attempt(email, '10.3.0.1', 'wrong-password')).toEqual({ ok: false, reason: 'invalid' });
    expect((await attempt(email, '10.3.0.1', password)).ok).toBe(true);
  });

  it('limits failures per IP across many emails', async () => {
    const ip = '10.9.9.9';
    await Promise.all(Array.from({ length: MAX_FAILURES_PER_IP }, (_, i) => attempt(`spray${i}@example.com`, ip, 'wrong-password')));
    const email = await newMerchant();
    expect(await attempt(email, ip, password)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await attempt(`spray-extra@example.com`, ip, 'wrong-password')).toEqual({ ok: false, reason: 'rate_limited' });
  });
});
