import { describe, expect, it } from 'vitest';
import { readApiKey } from './read-api-key';

const KEY = 'sk_test_0123456789abcdefghijABCDEFGHIJ0123456789abcdefgh';
const withAuth = (value: string) => new Request('https://pay.example/api/v1/orders', { headers: { Authorization: value } });
const basic = (userPass: string) => `Basic ${Buffer.from(userPass).toString('base64')}`;

describe('readApiKey', () => {
  it('reads a bearer token, whatever the case of the scheme', () => {
    expect(readApiKey(withAuth(`Bearer ${KEY}`))).toBe(KEY);
    expect(readApiKey(withAuth(`bearer   ${KEY}  `))).toBe(KEY);
  });

  it('reads the user name of HTTP Basic, as curl -u key: sends it', () => {
    expect(readApiKey(withAuth(basic(`${KEY}:`)))).toBe(KEY);
    expect(readApiKey(withAuth(basic(KEY)))).toBe(KEY);
    expect(readApiKey(new Headers({ authorization: basic(`${KEY}:ignored`) }))).toBe(KEY);
  });

  it('is null without a usable Authorization header', () => {
    expect(readApiKey(new Request('https://pay.example/'))).toBeNull();
    for (const value of ['', 'Bearer', 'Bearer ', KEY, `Token ${KEY}`, basic(':password'), `Bearer ${'x'.repeat(600)}`]) {
      expect(readApiKey(withAuth(value)), value.slice(0, 20)).toBeNull();
    }
  });
});
