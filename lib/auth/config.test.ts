import { afterEach, describe, expect, it, vi } from 'vitest';

async function configWith(appUrl: string) {
  vi.resetModules();
  vi.stubEnv('APP_URL', appUrl);
  vi.stubEnv('AUTH_SECRET', 'config-test-secret-0123456789abcdefghij');
  const { baseAuthConfig } = await import('./config');
  return baseAuthConfig();
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('baseAuthConfig', () => {
  it('uses Secure, __Secure- prefixed session cookies when APP_URL is https', async () => {
    expect((await configWith('https://pay.example.com')).useSecureCookies).toBe(true);
  });

  it('uses plain cookies over http (local development)', async () => {
    expect((await configWith('http://localhost:3000')).useSecureCookies).toBe(false);
  });
});
