import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { gatewayConnections, gatewayCredentials, verificationAttempts } from '../schema';

export async function getConnection(db: Db, params: { appId: string }) {
  const [row] = await db.select().from(gatewayConnections).where(eq(gatewayConnections.appId, params.appId));
  return row ?? null;
}

/** Locks the app's connection row until the transaction ends. */
export async function getConnectionForUpdate(db: Db, params: { appId: string }) {
  const [row] = await db.select().from(gatewayConnections).where(eq(gatewayConnections.appId, params.appId)).for('update');
  return row ?? null;
}

export async function getCredentials(db: Db, params: { connectionId: string; credentialsId: string }) {
  const [row] = await db
    .select()
    .from(gatewayCredentials)
    .where(and(eq(gatewayCredentials.id, params.credentialsId), eq(gatewayCredentials.connectionId, params.connectionId)));
  return row ?? null;
}

/** The mode (test/live) of the credentials in use, or null while nothing is verified. */
export async function getVerifiedMode(db: Db, params: { appId: string }) {
  const [row] = await db
    .select({ mode: gatewayCredentials.mode })
    .from(gatewayConnections)
    .innerJoin(gatewayCredentials, eq(gatewayCredentials.id, gatewayConnections.verifiedCredentialsId))
    .where(eq(gatewayConnections.appId, params.appId));
  return row?.mode ?? null;
}

export async function listAttempts(db: Db, params: { connectionId: string; limit?: number }) {
  return db
    .select()
    .from(verificationAttempts)
    .where(eq(verificationAttempts.connectionId, params.connectionId))
    .orderBy(desc(verificationAttempts.createdAt))
    .limit(params.limit ?? 20);
}
