import * as z from '@/lib/zod-mini';

// Shared by the route handlers and the browser: no server-only imports here.

export type ApiKeyKind = 'public' | 'secret';
export type ApiKeyMode = 'test' | 'live';
/** `expiring`: rolled, still accepted until `expiresAt`. */
export type ApiKeyStatus = 'active' | 'expiring' | 'expired' | 'revoked';

export const OVERLAPS = ['now', '1h', '24h', '7d'] as const;
export type Overlap = (typeof OVERLAPS)[number];

export const OVERLAP_LABELS: Record<Overlap, string> = {
  now: 'Immediately',
  '1h': '1 hour',
  '24h': '24 hours',
  '7d': '7 days',
};

export const OVERLAP_SECONDS: Record<Overlap, number> = {
  now: 0,
  '1h': 60 * 60,
  '24h': 24 * 60 * 60,
  '7d': 7 * 24 * 60 * 60,
};

export const rollSecretKeySchema = z.object({
  overlap: z.enum(OVERLAPS, { error: 'must be one of now, 1h, 24h, 7d' }),
});
export type RollSecretKeyInput = z.infer<typeof rollSecretKeySchema>;

export type ApiKeyDto = {
  id: string;
  kind: ApiKeyKind;
  mode: ApiKeyMode;
  /** Public keys: the whole key. Secret keys: e.g. `sk_test_AbCd…`. */
  displayPrefix: string;
  status: ApiKeyStatus;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
};

/** The only shape that ever carries a whole secret key: the response that created it. */
export type IssuedSecretKeyDto = ApiKeyDto & { kind: 'secret'; token: string };

export type ApiKeyListResponse = { mode: ApiKeyMode | null; keys: ApiKeyDto[] };
export type GenerateApiKeysResponse = { publicKey: ApiKeyDto; secretKey: IssuedSecretKeyDto };
export type RollSecretKeyResponse = { secretKey: IssuedSecretKeyDto; previousKeys: ApiKeyDto[] };
export type RevokeSecretKeyResponse = { key: ApiKeyDto };
