import { createHash } from 'node:crypto';
import { randomBase62 } from '@/lib/ids';
import type { ApiKeyKind, ApiKeyMode } from './contract';

// 48 base62 characters carry ~285 bits: more than the 256 bits of 32 random bytes.
const BODY_LENGTH: Record<ApiKeyKind, number> = { secret: 48, public: 32 };
const KIND_PREFIX: Record<ApiKeyKind, string> = { secret: 'sk', public: 'pk' };
const SECRET_PREFIX_SHOWN = 12;

const TOKEN_FORMAT = /^(pk|sk)_(test|live)_([0-9A-Za-z]+)$/;

export type IssuedToken = { token: string; tokenHash: string; displayPrefix: string };

/** SHA-256 hex: a fast hash is right here, the token is random and checked on every request. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function issueToken(kind: ApiKeyKind, mode: ApiKeyMode): IssuedToken {
  const token = `${KIND_PREFIX[kind]}_${mode}_${randomBase62(BODY_LENGTH[kind])}`;
  // A public key is public, so it is shown whole; a secret key only by its first characters.
  const displayPrefix = kind === 'public' ? token : `${token.slice(0, SECRET_PREFIX_SHOWN)}…`;
  return { token, tokenHash: hashToken(token), displayPrefix };
}

/** The kind and mode a token claims, or null when it cannot be one of ours. */
export function parseToken(token: string): { kind: ApiKeyKind; mode: ApiKeyMode } | null {
  if (token.length > 64) return null;
  const match = TOKEN_FORMAT.exec(token);
  if (!match) return null;
  const kind: ApiKeyKind = match[1] === 'sk' ? 'secret' : 'public';
  if (match[3]!.length !== BODY_LENGTH[kind]) return null;
  return { kind, mode: match[2] as ApiKeyMode };
}
