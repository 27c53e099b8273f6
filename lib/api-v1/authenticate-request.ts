import type { Db } from '@/db/client';
import { describeApiKey } from '@/db/queries/api-keys';
import type { VerifiedCredentials } from '@/db/queries/gateway-connections';
import { authenticateApiKeyWithCredentials } from '@/lib/api-keys/authenticate';
import { hashToken, parseToken } from '@/lib/api-keys/token';
import { ApiV1Error } from './errors';

export type Caller = { appId: string; keyId: string; mode: 'test' | 'live' };
/** A secret key's caller, with its app's verified gateway credentials (read with the key) for creating orders. */
export type SecretKeyCaller = Caller & { verified: VerifiedCredentials };

const unauthorized = (code: string, message: string) => new ApiV1Error(401, 'authentication_error', code, message);

/** The app and mode a request's `Authorization: Bearer sk_…` stands for, or a 401/403 that says why. */
export async function authenticateRequest(db: Db, request: Request): Promise<SecretKeyCaller> {
  const header = request.headers.get('authorization');
  if (!header) throw unauthorized('api_key_missing', 'Send your secret key in the Authorization header: "Authorization: Bearer sk_test_…".');
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthorized('api_key_malformed', 'The Authorization header must be "Bearer " followed by your secret key.');
  const token = match[1]!;
  const claimed = parseToken(token);
  if (!claimed) throw unauthorized('api_key_malformed', 'That is not a KS Pay secret key: they look like sk_test_… or sk_live_… (copy it again from Security).');
  if (claimed.kind === 'public') {
    throw unauthorized('api_key_wrong_kind', 'That is your public key (pk_…). The API takes the secret key (sk_…), from your server only.');
  }

  const identity = await authenticateApiKeyWithCredentials(db, token, { kind: 'secret' });
  if (!identity) throw await whyRefused(db, token);

  const { verifiedMode, verified } = identity;
  if (!verified || !verifiedMode) {
    throw new ApiV1Error(403, 'permission_error', 'app_not_verified', "The app's payment gateway is not verified: finish Settings → Payment Gateway (the test order) first.");
  }
  if (verifiedMode !== identity.mode) {
    throw new ApiV1Error(
      403,
      'permission_error',
      'wrong_mode',
      `You're using the wrong mode: this is a ${identity.mode} key, and the app's gateway is verified in ${verifiedMode} mode. Use the sk_${verifiedMode}_… key.`,
    );
  }
  return { appId: identity.appId, keyId: identity.keyId, mode: identity.mode, verified };
}

async function whyRefused(db: Db, token: string) {
  const key = await describeApiKey(db, { tokenHash: hashToken(token) });
  if (key?.status === 'revoked') return unauthorized('api_key_revoked', 'This secret key was revoked. Use the current key from Settings → Payment Gateway → Security.');
  if (key?.status === 'expired') return unauthorized('api_key_expired', 'This secret key expired after it was rolled. Use the new key from Security.');
  return unauthorized('api_key_invalid', 'No such secret key. Copy it again from Settings → Payment Gateway → Security.');
}
