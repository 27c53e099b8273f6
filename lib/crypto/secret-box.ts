import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for secrets at rest. A ciphertext names the key that sealed it
 * (`v1.<keyId>.<iv>.<tag>.<data>`, base64url), so keys can be rotated: the first key seals,
 * every listed key opens.
 */
export type KeyRing = { current: string; keys: Map<string, Buffer> };

export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptionError';
  }
}

/** Parses `keyId:base64key,keyId:base64key`; each key must be 32 bytes. */
export function parseKeyRing(spec: string): KeyRing {
  const keys = new Map<string, Buffer>();
  for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [id, b64] = entry.split(':');
    if (!id || !b64 || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new Error('ENCRYPTION_KEYS: expected keyId:base64key');
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new Error(`ENCRYPTION_KEYS: key "${id}" must be 32 bytes`);
    keys.set(id, key);
  }
  const current = keys.keys().next().value;
  if (!current) throw new Error('ENCRYPTION_KEYS: no key');
  return { current, keys };
}

export function seal(ring: KeyRing, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.keys.get(ring.current)!, iv);
  cipher.setAAD(Buffer.from(ring.current));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', ring.current, iv, cipher.getAuthTag(), data]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function open(ring: KeyRing, sealed: string): string {
  const [version, keyId, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !keyId || !iv || !tag || data === undefined) throw new DecryptionError('Malformed ciphertext');
  const key = ring.keys.get(keyId);
  if (!key) throw new DecryptionError(`Unknown encryption key "${keyId}"`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptionError(`Ciphertext does not open with key "${keyId}"`);
  }
}

export const keyIdOf = (sealed: string) => sealed.split('.')[1];
