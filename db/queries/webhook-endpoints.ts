import type { Db } from '../client';
import { preparedValues } from '../prepared';
import type { GatewayConnection, GatewayCredentials } from '../schema';
import { ORDER_STATE_FROM_ORDERS, type OrderState } from './order-state';

type Credentials = Pick<GatewayCredentials, 'id' | 'gateway' | 'mode' | 'keyId' | 'secret'>;

export interface WebhookEndpoint {
  connection: Pick<GatewayConnection, 'id' | 'appId' | 'webhookSecret' | 'previousWebhookSecret' | 'previousWebhookSecretExpiresAt'>;
  current: Credentials | null;
  verified: Credentials | null;
  /** The state of the app's order the delivery names (null: none named, or not ours). */
  order: OrderState | null;
}

// One row as JSON: drizzle's mapping of a row of joined (aliased) tables cost more than the read.
// Only what a delivery uses (secrets still sealed), the signature diagnosis included.
const READ = `
select json_build_object(
  'connection', json_build_object(
    'id', c.id, 'appId', c.app_id, 'webhookSecret', c.webhook_secret, 'previousWebhookSecret', c.previous_webhook_secret,
    'previousWebhookSecretExpiresAt', extract(epoch from c.previous_webhook_secret_expires_at) * 1000),
  'current', case when cur.id is not null then json_build_object('id', cur.id, 'gateway', cur.gateway, 'mode', cur.mode, 'keyId', cur.key_id, 'secret', cur.secret) end,
  'verified', case when ver.id is not null then json_build_object('id', ver.id, 'gateway', ver.gateway, 'mode', ver.mode, 'keyId', ver.key_id, 'secret', ver.secret) end,
  'order', (select ${ORDER_STATE_FROM_ORDERS}
    where o.app_id = c.app_id and o.gateway = $2::text::gateway_name and o.gateway_order_id = $3::text)
)
from gateway_connections c
left join gateway_credentials cur on cur.id = c.current_credentials_id
left join gateway_credentials ver on ver.id = c.verified_credentials_id
where c.webhook_endpoint_id = $1::text`;

type Row = Omit<WebhookEndpoint, 'connection'> & {
  connection: Omit<WebhookEndpoint['connection'], 'previousWebhookSecretExpiresAt'> & { previousWebhookSecretExpiresAt: number | null };
};

/**
 * A webhook endpoint's connection with its current and verified credentials and, when the
 * delivery names one, the state of the app's order it names, in one read.
 */
export async function getWebhookEndpoint(
  db: Db,
  params: { endpointId: string; gateway?: OrderState['gateway']; gatewayOrderId?: string | null },
): Promise<WebhookEndpoint | null> {
  const [row] = await preparedValues<Row>(db, 'webhook_endpoint', READ, [params.endpointId, params.gateway ?? null, params.gatewayOrderId ?? null]);
  if (!row) return null;
  const expiresAt = row.connection.previousWebhookSecretExpiresAt;
  return { ...row, connection: { ...row.connection, previousWebhookSecretExpiresAt: expiresAt === null ? null : new Date(expiresAt) } };
}
