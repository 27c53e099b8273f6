import { describe, expect, it } from 'vitest';
import { allowedOriginsSchema, normaliseOrigin, normaliseOrigins } from './allowed-origins';

describe('normaliseOrigin', () => {
  it('keeps scheme, host and port, lower-cased, without a default port or trailing slash', () => {
    expect(normaliseOrigin('https://Shop.Example.com/')).toEqual({ origin: 'https://shop.example.com' });
    expect(normaliseOrigin(' https://shop.example.com:443 ')).toEqual({ origin: 'https://shop.example.com' });
    expect(normaliseOrigin('https://shop.example.com:8443')).toEqual({ origin: 'https://shop.example.com:8443' });
    expect(normaliseOrigin('http://localhost:5173')).toEqual({ origin: 'http://localhost:5173' });
    expect(normaliseOrigin('https://bücher.example')).toEqual({ origin: 'https://xn--bcher-kva.example' });
  });

  it('refuses what is not an origin, saying why', () => {
    for (const bad of ['shop.example.com', 'http://shop.example.com', 'https://shop.example.com/checkout', 'https://shop.example.com?x=1', 'https://a:b@shop.example.com', 'javascript:alert(1)', 'ftp://shop.example.com', '']) {
      expect(normaliseOrigin(bad), bad).toHaveProperty('error');
    }
  });

  it('the schema names the bad entry; the stored list has no duplicates', () => {
    const parsed = allowedOriginsSchema.safeParse({ origins: ['https://a.example', 'http://b.example'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['origins', 1], message: 'Use https:// (http:// only for localhost)' });
    expect(normaliseOrigins(['https://A.example', 'https://a.example/', 'https://b.example'])).toEqual(['https://a.example', 'https://b.example']);
    expect(allowedOriginsSchema.safeParse({ origins: Array.from({ length: 21 }, (_, i) => `https://s${i}.example`) }).success).toBe(false);
  });
});
