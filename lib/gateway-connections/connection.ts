import type { Db } from '@/db';
import { getConnectionForUpdate, insertConnectionIfMissing } from '@/db/queries/gateway-connections';
import { encryptSecret } from '@/lib/crypto';
import { AppError } from '@/lib/errors';
import { newWebhookEndpointId, newWebhookSecret } from './webhook-url';

/** The app's connection, created on first use, locked for the rest of the transaction. */
export async function lockOrCreateConnection(tx: Db, appId: string) {
  const existing = await getConnectionForUpdate(tx, { appId });
  if (existing) return existing;
  // Only the first action makes the endpoint id and secret; a concurrent first action loses the insert.
  await insertConnectionIfMissing(tx, {
    appId,
    webhookEndpointId: newWebhookEndpointId(),
    webhookSecret: encryptSecret(newWebhookSecret()),
  });
  const connection = await getConnectionForUpdate(tx, { appId });
  // Only a reset racing this very request gets here.
  if (!connection) throw new AppError('conflict', 'The gateway was just reset. Reload the page.');
  return connection;
}

export async function lockExistingConnection(tx: Db, appId: string) {
  const connection = await getConnectionForUpdate(tx, { appId });
  if (!connection) throw new AppError('conflict', 'Submit your gateway credentials first.');
  return connection;
}
