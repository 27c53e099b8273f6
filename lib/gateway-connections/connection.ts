import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { getConnectionForUpdate } from '@/db/queries/gateway-connections';
import { gatewayConnections } from '@/db/schema';
import { encryptSecret } from '@/lib/crypto';
import { AppError } from '@/lib/errors';
import { newWebhookEndpointId, newWebhookSecret } from './webhook-url';

/** The app's connection, created on first use, locked for the rest of the transaction. */
export async function lockOrCreateConnection(tx: Db, appId: string) {
  await tx
    .insert(gatewayConnections)
    .values({ appId, webhookEndpointId: newWebhookEndpointId(), webhookSecret: encryptSecret(newWebhookSecret()) })
    .onConflictDoNothing({ target: gatewayConnections.appId });
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

export async function updateConnection(
  tx: Db,
  id: string,
  changes: Partial<typeof gatewayConnections.$inferInsert>,
) {
  const [row] = await tx
    .update(gatewayConnections)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(gatewayConnections.id, id))
    .returning();
  return row!;
}
