import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DecryptionError, keyIdOf, open, parseKeyRing, seal } from './secret-box';

const key = () => randomBytes(32).toString('base64');

describe('secret box', () => {
  it('round-trips and never contains the plaintext', () => {
    const ring = parseKeyRing(`k1:${key()}`);
    const sealed = seal(ring, 'sandboxSecretKsPay000001');
    expect(sealed).not.toContain('sandboxSecret');
    expect(sealed.startsWith('v1.k1.')).toBe(true);
    expect(open(ring, sealed)).toBe('sandboxSecretKsPay000001');
    expect(seal(ring, 'same')).not.toBe(seal(ring, 'same'));
  });

  it('fails loudly with the wrong key, an unknown key id or a tampered ciphertext', () => {
    const sealed = seal(parseKeyRing(`k1:${key()}`), 'secret');
    expect(() => open(parseKeyRing(`k1:${key()}`), sealed)).toThrow(DecryptionError);
    expect(() => open(parseKeyRing(`k2:${key()}`), sealed)).toThrow(/Unknown encryption key "k1"/);
    const ring = parseKeyRing(`k1:${key()}`);
    const good = seal(ring, 'secret');
    const parts = good.split('.');
    parts[4] = Buffer.from('x' + Buffer.from(parts[4]!, 'base64url').toString('latin1').slice(1), 'latin1').toString('base64url');
    expect(() => open(ring, parts.join('.'))).toThrow(DecryptionError);
    expect(() => open(ring, 'not-a-ciphertext')).toThrow(/Malformed/);
  });

  it('rotates: new secrets use the first key, old ones still open', () => {
    const oldKey = key();
    const before = seal(parseKeyRing(`old:${oldKey}`), 'legacy');
    const rotated = parseKeyRing(`new:${key()},old:${oldKey}`);
    expect(open(rotated, before)).toBe('legacy');
    expect(keyIdOf(seal(rotated, 'fresh'))).toBe('new');
  });

  it('refuses malformed key specs', () => {
    expect(() => parseKeyRing('')).toThrow(/no key/);
    expect(() => parseKeyRing('k1:c2hvcnQ=')).toThrow(/32 bytes/);
    expect(() => parseKeyRing('nokey')).toThrow(/keyId:base64key/);
  });
});
