import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashToken, issueToken, parseToken } from './token';

const BASE62 = /^[0-9A-Za-z]+$/;

describe('issueToken', () => {
  it('issues secret keys as sk_<mode>_ plus 48 base62 characters', () => {
    for (const mode of ['test', 'live'] as const) {
      const { token } = issueToken('secret', mode);
      expect(token).toMatch(new RegExp(`^sk_${mode}_[0-9A-Za-z]{48}$`));
    }
  });

  it('issues public keys as pk_<mode>_ plus 32 base62 characters', () => {
    expect(issueToken('public', 'test').token).toMatch(/^pk_test_[0-9A-Za-z]{32}$/);
    expect(issueToken('public', 'live').token).toMatch(/^pk_live_[0-9A-Za-z]{32}$/);
  });

  it('gives a secret key at least 256 bits of randomness', () => {
    const body = issueToken('secret', 'test').token.slice('sk_test_'.length);
    expect(body).toMatch(BASE62);
    expect(body.length * Math.log2(62)).toBeGreaterThanOrEqual(256);
  });

  it('never repeats a key and spreads characters uniformly over base62', () => {
    const bodies = Array.from({ length: 2000 }, () => issueToken('secret', 'live').token.slice(8));
    expect(new Set(bodies).size).toBe(bodies.length);

    const counts = new Map<string, number>();
    for (const char of bodies.join('')) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const expected = (bodies.length * 48) / 62;
    const chiSquare = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    // 61 degrees of freedom: 120 is far beyond p = 0.0001, so this fails only for a biased source.
    expect(chiSquare).toBeLessThan(120);
  });

  it('stores the SHA-256 hex of the whole key', () => {
    const issued = issueToken('secret', 'test');
    expect(issued.tokenHash).toBe(createHash('sha256').update(issued.token).digest('hex'));
    expect(issued.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(issued.token)).toBe(issued.tokenHash);
  });

  it('shows a secret key by its first 12 characters only, and a public key whole', () => {
    const secret = issueToken('secret', 'test');
    expect(secret.displayPrefix).toBe(`${secret.token.slice(0, 12)}…`);
    expect(secret.token.startsWith(secret.displayPrefix.slice(0, -1))).toBe(true);
    expect(secret.displayPrefix).not.toContain(secret.token.slice(12, 20));
    const publicKey = issueToken('public', 'live');
    expect(publicKey.displayPrefix).toBe(publicKey.token);
  });
});

describe('parseToken', () => {
  it('reads kind and mode from an issued key', () => {
    expect(parseToken(issueToken('secret', 'live').token)).toEqual({ kind: 'secret', mode: 'live' });
    expect(parseToken(issueToken('public', 'test').token)).toEqual({ kind: 'public', mode: 'test' });
  });

  it('rejects anything that cannot be one of our keys', () => {
    const good = issueToken('secret', 'test').token;
    const rejects = [
      '',
      'sk_test_',
      good.slice(0, -1),
      `${good}A`,
      ` ${good}`,
      good.replace('sk_', 'pk_'),
      good.replace('_test_', '_prod_'),
      good.replace(/.$/, '-'),
      good.replace(/.$/, 'é'),
      `rzp_test_${good.slice(8)}`,
      'x'.repeat(10_000),
    ];
    for (const token of rejects) expect(parseToken(token), token.slice(0, 30)).toBeNull();
  });
});
