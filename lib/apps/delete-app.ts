import type { Db } from '@/db';
import { deleteApp } from '@/db/queries/apps';
import { recordAudit } from '@/db/queries/audit';
import { AppError } from '@/lib/errors';
import { requireAppOf } from './require-app';

/**
 * Deletes the merchant's app once its name is typed back, recording who did it first: the audit
 * log outlives the app (its entries keep the app's public id and name).
 */
export async function deleteOwnedApp(
  db: Db,
  params: { merchantId: string; publicId: string; confirmation: string; ip: string | null },
) {
  await db.transaction(async (tx) => {
    const app = await requireAppOf(tx, { merchantId: params.merchantId, publicId: params.publicId });
    if (params.confirmation.trim() !== app.name) {
      throw new AppError('bad_request', 'Type the app name exactly to confirm.', {
        confirmation: [`Type “${app.name}” to confirm`],
      });
    }
    await recordAudit(tx, { appId: app.id, merchantId: params.merchantId, ip: params.ip, action: 'app.deleted' });
    await deleteApp(tx, { merchantId: params.merchantId, publicId: params.publicId });
  });
}
