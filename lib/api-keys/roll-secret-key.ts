import type { Db } from '@/db/client';
import { countUsableApiKeys, expireSecretKeys, insertApiKey, lockAppForKeyChange } from '@/db/queries/api-keys';
import { recordAudit } from '@/db/queries/audit';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/apps/actor';
import { OVERLAP_SECONDS, type Overlap, type RollSecretKeyResponse } from './contract';
import { toApiKeyDto, toIssuedSecretKeyDto } from './key-dto';
import { issueToken } from './token';
import { requireVerifiedMode } from './verified-mode';

/**
 * Issues a new secret key; the mode's current secret keys keep working for `overlap` so the
 * merchant can deploy the new one first.
 */
export async function rollSecretKey(
  db: Db,
  actor: Actor & { overlap: Overlap },
): Promise<RollSecretKeyResponse> {
  const { appId, merchantId, ip, overlap } = actor;
  return db.transaction(async (tx) => {
    if (!(await lockAppForKeyChange(tx, { appId }))) throw new AppError('not_found', 'This app does not exist.');
    const mode = await requireVerifiedMode(tx, { appId });
    if ((await countUsableApiKeys(tx, { appId, mode, kind: 'public' })) === 0) {
      throw new AppError('conflict', 'This app has no API keys yet. Generate API keys first.');
    }
    const previous = await expireSecretKeys(tx, { appId, mode, seconds: OVERLAP_SECONDS[overlap] });
    const token = issueToken('secret', mode);
    const secretKey = await insertApiKey(tx, { appId, kind: 'secret', mode, ...token });
    await recordAudit(tx, {
      appId,
      merchantId,
      ip,
      action: 'api_key.rolled',
      details: {
        mode,
        keyId: secretKey.id,
        displayPrefix: secretKey.displayPrefix,
        overlap,
        previousKeys: previous.map((k) => ({ keyId: k.id, displayPrefix: k.displayPrefix })),
        ...(previous[0]?.expiresAt && { previousExpiresAt: previous[0].expiresAt.toISOString() }),
      },
    });
    return { secretKey: toIssuedSecretKeyDto(secretKey, token.token), previousKeys: previous.map(toApiKeyDto) };
  });
}
