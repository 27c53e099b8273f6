import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { gatewayConnections, gatewayCredentials } from '../schema';

const current = alias(gatewayCredentials, 'current_credentials');
const verified = alias(gatewayCredentials, 'verified_credentials');

/** A webhook endpoint's connection with its current and verified credentials, in one read. */
export async function getWebhookEndpoint(db: Db, params: { endpointId: string }) {
  const [row] = await db
    .select({ connection: gatewayConnections, current, verified })
    .from(gatewayConnections)
    .leftJoin(current, eq(current.id, gatewayConnections.currentCredentialsId))
    .leftJoin(verified, eq(verified.id, gatewayConnections.verifiedCredentialsId))
    .where(eq(gatewayConnections.webhookEndpointId, params.endpointId));
  return row ?? null;
}
