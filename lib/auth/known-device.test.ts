import { afterEach, describe, expect, it, vi } from 'vitest';
import { isKnownDevice, knownDeviceCookie } from './known-device';

const DAY = 24 * 60 * 60 * 1000;
const at = new Date('2026-06-01T12:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the known-device cookie', () => {
  it('proves the email it was issued for, for 90 days', () => {
    const { value } = knownDeviceCookie('owner@example.com', at);
    expect(isKnownDevice(value, 'owner@example.com', at)).toBe(true);
    expect(isKnownDevice(value, 'owner@example.com', later(89 * DAY))).toBe(true);
    expect(isKnownDevice(value, 'owner@example.com', later(91 * DAY))).toBe(false);
    expect(isKnownDevice(value, 'other@example.com', at)).toBe(false);
    expect(value).not.toContain('owner');
  });

  it('refuses a changed, forged or malformed value', () => {
    const { value } = knownDeviceCookie('owner@example.com', at);
    const [issuedAt, mac] = value.split('.') as [string, string];
    const flipped = `${mac.slice(0, 10)}${mac[10] === 'A' ? 'B' : 'A'}${mac.slice(11)}`;
    for (const bad of [
      `${Number(issuedAt) + 1}.${mac}`,
      `${issuedAt}.${flipped}`,
      `${issuedAt}.${mac}x`,
      `${issuedAt}.${'A'.repeat(43)}`,
      `${Math.floor(later(10 * DAY).getTime() / 1000)}.${mac}`,
      `${issuedAt}`,
      '',
      undefined,
      `${issuedAt}.${mac}\u0000`,
    ]) {
      expect(isKnownDevice(bad, 'owner@example.com', later(60_000)), JSON.stringify(bad)).toBe(false);
    }
  });

  it('is HttpOnly and SameSite=Lax, Secure with a __Secure- name exactly over https', async () => {
    expect(knownDeviceCookie('owner@example.com', at)).toMatchObject({
      name: 'kspay.known-device',
      options: { httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 90 * 24 * 60 * 60 },
    });
    vi.resetModules();
    vi.stubEnv('APP_URL', 'https://pay.example.com');
    const https = await import('./known-device');
    expect(https.knownDeviceCookie('owner@example.com', at)).toMatchObject({
      name: '__Secure-kspay.known-device',
      options: { secure: true },
    });
  });
});
