import { describe, expect, it, vi } from 'vitest';
import { limiterKey } from './auth/limiter-key';
import { clientIp } from './request-ip';

const xff = (value?: string) => new Headers(value === undefined ? {} : { 'x-forwarded-for': value });

describe('clientIp', () => {
  it('with no trusted proxies, takes the socket address our server appended last', () => {
    expect(clientIp(xff('6.6.6.6, 203.0.113.9'), 0)).toBe('203.0.113.9');
    expect(clientIp(xff('198.51.100.1'), 0)).toBe('198.51.100.1');
    expect(clientIp(xff('::1'), 0)).toBe('::1');
  });

  it('with N trusted proxies, skips N entries from the right', () => {
    expect(clientIp(xff('6.6.6.6, 203.0.113.9, 10.0.0.2'), 1)).toBe('203.0.113.9');
    expect(clientIp(xff('6.6.6.6, 203.0.113.9, 10.0.0.3, 10.0.0.2'), 2)).toBe('203.0.113.9');
    expect(clientIp(xff('203.0.113.9,10.0.0.3,10.0.0.2'), 2)).toBe('203.0.113.9');
  });

  it('with fewer entries than trusted hops, takes the leftmost', () => {
    expect(clientIp(xff('203.0.113.9, 10.0.0.2'), 3)).toBe('203.0.113.9');
  });

  it('drops a port and the brackets some load balancers append to the address', () => {
    expect(clientIp(xff('6.6.6.6, 203.0.113.9:51234'), 0)).toBe('203.0.113.9');
    expect(clientIp(xff('6.6.6.6, [2001:db8::7]:443'), 0)).toBe('2001:db8::7');
    expect(clientIp(xff('[2001:db8::7]'), 0)).toBe('2001:db8::7');
    expect(clientIp(xff('203.0.113.9:8080, 10.0.0.2:80'), 1)).toBe('203.0.113.9');
    expect(clientIp(xff('2001:db8::7'), 0)).toBe('2001:db8::7');
    expect(clientIp(xff('[not-an-ip]:443'), 0)).toBe('unknown');
    expect(clientIp(xff('203.0.113.9:'), 0)).toBe('unknown');
  });

  it('warns once when the entry it uses is no address', async () => {
    // A fresh module (nothing warned yet) that logs warnings.
    vi.resetModules();
    vi.stubEnv('LOG_LEVEL', 'warn');
    const fresh = await import('./request-ip');
    const warn = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(fresh.clientIp(xff('203.0.113.9:443'), 0)).toBe('203.0.113.9');
      expect(fresh.clientIp(xff('garbage-1'), 0)).toBe('unknown');
      expect(fresh.clientIp(xff('garbage-2'), 0)).toBe('unknown');
      const lines = warn.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
      expect(lines.filter((line) => line.event === 'request_ip.not_an_address')).toEqual([
        expect.objectContaining({ level: 'warn', entry: 'garbage-1' }),
      ]);
    } finally {
      warn.mockRestore();
      vi.unstubAllEnvs();
    }
  });

  it('answers "unknown" for no header or an entry that is no address', () => {
    expect(clientIp(xff(), 0)).toBe('unknown');
    expect(clientIp(xff(''), 0)).toBe('unknown');
    expect(clientIp(xff('1.2.3.4, not-an-ip'), 0)).toBe('unknown');
    expect(clientIp(xff('1.2.3.4, '), 0)).toBe('unknown');
    expect(clientIp(new Headers({ 'x-real-ip': '192.0.2.1' }), 0)).toBe('unknown');
  });
});

describe('limiterKey', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['1::2:3:4:5.6.7.8', '1:0:0:2::/64'],
    ['64:ff9b::1.2.3.4', '64:ff9b:0:0::/64'],
    ['unknown', 'unknown'],
  ])('%s → %s', (ip, key) => {
    expect(limiterKey(ip)).toBe(key);
  });
});
