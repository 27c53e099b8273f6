import type { Db } from '@/db/client';
import { getApiKey, revokeSecretKey as revokeSecretKeyRow } from '@/db/queries/api-keys';
import { recordAudit } from '@/db/queries/audit';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/apps/actor';
import type { RevokeSecretKeyResponse } from './contract';
import { toApiKeyDto } from './key-dto';

/**
 * Revokes one of the app's secret keys at once. Revoking an already revoked key answers with it
 * unchanged (a repeated click is not an error, and is not audited twice). Needs no verified
 * gateway: a merchant must always be able to shut a leaked key off.
 */
export async function revokeSecretKey(
  db: Db,
  actor: Actor & { keyId: string },
): Promise<RevokeSecretKeyResponse> {
  const { appId, merchantId, ip, keyId } = actor;
  return db.transaction(async (tx) => {
    const revoked = await revokeSecretKeyRow(tx, { appId, keyId });
    if (!revoked) {
      const existing = await getApiKey(tx, { appId, keyId });
      if (!existing) throw new AppError('not_found', 'This API key does not exist.');
      if (existing.kind !== 'secret') throw new AppError('bad_request', 'Only a secret key can be revoked.');
      return { key: toApiKeyDto(existing) };
    }
    await recordAudit(tx, {
      appId,
      merchantId,
      ip,
      action: 'api_key.revoked',
      details: { mode: revoked.mode, keyId: revoked.id, displayPrefix: revoked.displayPrefix },
    });
    return { key: toApiKeyDto(revoked) };
  });
}
