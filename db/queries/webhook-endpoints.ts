import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { gatewayConnections, gatewayCredentials } from '../schema';
import { ORDER_STATE_FROM_ORDERS, type OrderState } from './order-state';

const current = alias(gatewayCredentials, 'current_credentials');
const verified = alias(gatewayCredentials, 'verified_credentials');

const endpointQuery = (db: Db) =>
  db
    // What a delivery needs from them (secrets, still sealed): each column costs every delivery.
    .select({
      connection: {
        id: gatewayConnections.id,
        appId: gatewayConnections.appId,
        webhookSecret: gatewayConnections.webhookSecret,
        previousWebhookSecret: gatewayConnections.previousWebhookSecret,
        previousWebhookSecretExpiresAt: gatewayConnections.previousWebhookSecretExpiresAt,
      },
      current: { id: current.id, gateway: current.gateway, mode: current.mode, secret: current.secret },
      verified: { id: verified.id, gateway: verified.gateway, mode: verified.mode, secret: verified.secret },
      order: sql<OrderState | null>`(select ${sql.raw(ORDER_STATE_FROM_ORDERS)}
        where o.app_id = ${gatewayConnections.appId} and o.gateway = ${sql.placeholder('gateway')}::text::gateway_name
          and o.gateway_order_id = ${sql.placeholder('gatewayOrderId')}::text)`,
    })
    .from(gatewayConnections)
    .leftJoin(current, eq(current.id, gatewayConnections.currentCredentialsId))
    .leftJoin(verified, eq(verified.id, gatewayConnections.verifiedCredentialsId))
    .where(eq(gatewayConnections.webhookEndpointId, sql.placeholder('endpointId')))
    .prepare('webhook_endpoint');

// Built once per database: every delivery reads its endpoint, and building the query cost more
// than running it.
const prepared = new WeakMap<Db, ReturnType<typeof endpointQuery>>();

/**
 * A webhook endpoint's connection with its current and verified credentials and, when the
 * delivery names one, the state of the app's order it names (`OrderState`), in one read.
 */
export async function getWebhookEndpoint(
  db: Db,
  params: { endpointId: string; gateway?: OrderState['gateway']; gatewayOrderId?: string | null },
) {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = endpointQuery(db)));
  const [row] = await query.execute({ endpointId: params.endpointId, gateway: params.gateway ?? null, gatewayOrderId: params.gatewayOrderId ?? null });
  return row ?? null;
}
