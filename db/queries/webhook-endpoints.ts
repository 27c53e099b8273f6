import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { gatewayConnections, gatewayCredentials } from '../schema';

const current = alias(gatewayCredentials, 'current_credentials');
const verified = alias(gatewayCredentials, 'verified_credentials');

const endpointQuery = (db: Db) =>
  db
    .select({ connection: gatewayConnections, current, verified })
    .from(gatewayConnections)
    .leftJoin(current, eq(current.id, gatewayConnections.currentCredentialsId))
    .leftJoin(verified, eq(verified.id, gatewayConnections.verifiedCredentialsId))
    .where(eq(gatewayConnections.webhookEndpointId, sql.placeholder('endpointId')))
    .prepare('webhook_endpoint');

// Built once per database: every delivery reads its endpoint, and building the query cost more
// than running it.
const prepared = new WeakMap<Db, ReturnType<typeof endpointQuery>>();

/** A webhook endpoint's connection with its current and verified credentials, in one read. */
export async function getWebhookEndpoint(db: Db, params: { endpointId: string }) {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = endpointQuery(db)));
  const [row] = await query.execute({ endpointId: params.endpointId });
  return row ?? null;
}
