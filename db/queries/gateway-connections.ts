import { and, desc, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { type GatewayCredentials, gatewayConnections, gatewayCredentials } from '../schema';

type ConnectionChanges = Partial<typeof gatewayConnections.$inferInsert>;
type NewCredentials = Omit<typeof gatewayCredentials.$inferInsert, 'id' | 'createdAt'>;

export async function getConnection(db: Db, params: { appId: string }) {
  const [row] = await db.select().from(gatewayConnections).where(eq(gatewayConnections.appId, params.appId));
  return row ?? null;
}

/** Locks the app's connection row until the transaction ends. */
export async function getConnectionForUpdate(db: Db, params: { appId: string }) {
  const [row] = await db.select().from(gatewayConnections).where(eq(gatewayConnections.appId, params.appId)).for('update');
  return row ?? null;
}

/** Creates the app's connection unless it has one (a concurrent request may be creating it too). */
export async function insertConnectionIfMissing(
  db: Db,
  params: { appId: string; webhookEndpointId: string; webhookSecret: string },
) {
  await db.insert(gatewayConnections).values(params).onConflictDoNothing({ target: gatewayConnections.appId });
}

export async function updateConnection(db: Db, params: { appId: string; connectionId: string }, changes: ConnectionChanges) {
  const [row] = await db
    .update(gatewayConnections)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(gatewayConnections.id, params.connectionId), eq(gatewayConnections.appId, params.appId)))
    .returning();
  return row!;
}

export async function deleteConnection(db: Db, params: { appId: string; connectionId: string }) {
  await db
    .delete(gatewayConnections)
    .where(and(eq(gatewayConnections.id, params.connectionId), eq(gatewayConnections.appId, params.appId)));
}

export async function getCredentials(db: Db, params: { connectionId: string; credentialsId: string }) {
  const [row] = await db
    .select()
    .from(gatewayCredentials)
    .where(and(eq(gatewayCredentials.id, params.credentialsId), eq(gatewayCredentials.connectionId, params.connectionId)));
  return row ?? null;
}

export async function insertCredentials(db: Db, params: NewCredentials) {
  const [row] = await db.insert(gatewayCredentials).values(params).returning();
  return row!;
}

export async function updateCredentialsPaymentModes(
  db: Db,
  params: { connectionId: string; credentialsId: string; paymentModes: string[] },
) {
  await db
    .update(gatewayCredentials)
    .set({ paymentModes: params.paymentModes })
    .where(and(eq(gatewayCredentials.id, params.credentialsId), eq(gatewayCredentials.connectionId, params.connectionId)));
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

/** The credentials in use (the verified ones) and the connection's webhook endpoint. */
export type VerifiedCredentials = { endpointId: string; credentials: GatewayCredentials };

/** The app's verified credentials, or null before verification. */
export async function getVerifiedCredentials(db: Db, params: { appId: string }): Promise<VerifiedCredentials | null> {
  const [row] = await db
    .select({ endpointId: gatewayConnections.webhookEndpointId, credentials: gatewayCredentials })
    .from(gatewayConnections)
    .innerJoin(
      gatewayCredentials,
      and(eq(gatewayCredentials.id, gatewayConnections.verifiedCredentialsId), eq(gatewayCredentials.connectionId, gatewayConnections.id)),
    )
    .where(eq(gatewayConnections.appId, params.appId));
  return row ?? null;
}

/** A connection's other credential sets of one gateway, newest first (diagnosing a rejected signature). */
export async function listOtherCredentials(
  db: Db,
  params: { connectionId: string; gateway: 'razorpay' | 'cashfree'; excludeIds: string[]; limit: number },
) {
  return db
    .select()
    .from(gatewayCredentials)
    .where(
      and(
        eq(gatewayCredentials.connectionId, params.connectionId),
        eq(gatewayCredentials.gateway, params.gateway),
        params.excludeIds.length ? notInArray(gatewayCredentials.id, params.excludeIds) : undefined,
      ),
    )
    .orderBy(desc(gatewayCredentials.createdAt))
    .limit(params.limit);
}
