import type { Db } from '@/db/client';
import { countUsableApiKeys, insertApiKey, lockAppForKeyChange, revokeOtherModePublicKeys } from '@/db/queries/api-keys';
import { recordAudit } from '@/db/queries/audit';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/apps/actor';
import type { GenerateApiKeysResponse } from './contract';
import { toApiKeyDto, toIssuedSecretKeyDto } from './key-dto';
import { issueToken } from './token';
import { requireVerifiedMode } from './verified-mode';

/**
 * Issues the app's first public and secret key for the verified mode. The secret is in the
 * returned value only; the database keeps its hash.
 */
export async function generateApiKeys(db: Db, actor: Actor): Promise<GenerateApiKeysResponse> {
  const { appId, merchantId, ip } = actor;
  return db.transaction(async (tx) => {
    if (!(await lockAppForKeyChange(tx, { appId }))) throw new AppError('not_found', 'This app does not exist.');
    const mode = await requireVerifiedMode(tx, { appId });
    if ((await countUsableApiKeys(tx, { appId, mode })) > 0) {
      throw new AppError('conflict', 'This app already has API keys. Use Roll secret key to replace the secret key.');
    }
    const replaced = await revokeOtherModePublicKeys(tx, { appId, mode });
    const publicToken = issueToken('public', mode);
    const secretToken = issueToken('secret', mode);
    const publicKey = await insertApiKey(tx, { appId, kind: 'public', mode, ...publicToken });
    const secretKey = await insertApiKey(tx, { appId, kind: 'secret', mode, ...secretToken });
    await recordAudit(tx, {
      appId,
      merchantId,
      ip,
      action: 'api_key.generated',
      details: {
        mode,
        keyId: secretKey.id,
        displayPrefix: secretKey.displayPrefix,
        publicKeyId: publicKey.id,
        publicKey: publicKey.displayPrefix,
        ...(replaced.length > 0 && { replacedPublicKeyIds: replaced.map((k) => k.id) }),
      },
    });
    return { publicKey: toApiKeyDto(publicKey), secretKey: toIssuedSecretKeyDto(secretKey, secretToken.token) };
  });
}
