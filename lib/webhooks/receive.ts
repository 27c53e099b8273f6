import { createHash } from 'node:crypto';
import { controlCharacterErrors } from '@/lib/validations/control-characters';
import type { Db } from '@/db';
import { getConnectionByEndpoint, getCredentials } from '@/db/queries/gateway-connections';
import { storeWebhookEvent } from '@/db/queries/webhook-events';
import type { GatewayConnection } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto';
import { AppError } from '@/lib/errors';
import { type GatewayName, getGateway, type HeadersLike } from '@/lib/gateways';
import { log } from '@/lib/log';

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** Secrets a delivery may be signed with: Razorpay's webhook secret (and the previous one for a day), Cashfree's client secrets. */
async function candidateSecrets(db: Db, gateway: GatewayName, connection: GatewayConnection): Promise<string[]> {
  if (gateway === 'razorpay') {
    const previousValid =
      connection.previousWebhookSecret &&
      connection.previousWebhookSecretExpiresAt &&
      connection.previousWebhookSecretExpiresAt > new Date();
    return [connection.webhookSecret, ...(previousValid ? [connection.previousWebhookSecret!] : [])].map(decryptSecret);
  }
  const ids = [...new Set([connection.verifiedCredentialsId, connection.currentCredentialsId])].filter((id) => id !== null);
  const credentials = await Promise.all(ids.map((credentialsId) => getCredentials(db, { connectionId: connection.id, credentialsId })));
  return credentials.filter((c) => c?.gateway === 'cashfree').map((c) => decryptSecret(c!.secret));
}

/**
 * A gateway's delivery: unknown endpoint → not found, bad signature → unauthorized (nothing stored);
 * a valid one is stored idempotently before we acknowledge it.
 */
export async function receiveWebhook(
  db: Db,
  input: { gateway: GatewayName; endpointId: string; rawBody: string; headers: HeadersLike },
) {
  const connection = await getConnectionByEndpoint(db, { endpointId: input.endpointId });
  if (!connection) throw new AppError('not_found', 'Unknown webhook endpoint');
  const adapter = getGateway(input.gateway);
  const secrets = await candidateSecrets(db, input.gateway, connection);
  const verification = adapter.verifyWebhook({ rawBody: input.rawBody, headers: input.headers, secrets });
  if (!verification.valid) {
    log.warn({ event: 'webhook.rejected', gateway: input.gateway, connectionId: connection.id, reason: verification.reason });
    throw new AppError('unauthorized', 'Invalid webhook signature');
  }
  const event = describeEvent(adapter, input);
  const { first } = await storeWebhookEvent(db, {
    appId: connection.appId,
    connectionId: connection.id,
    gateway: input.gateway,
    payload: input.rawBody,
    ...event,
  });
  log.info({ event: 'webhook.received', gateway: input.gateway, connectionId: connection.id, eventId: event.eventId, type: event.eventType, duplicate: !first });
  return { status: first ? ('received' as const) : ('duplicate' as const) };
}

/**
 * What to file a signed delivery under. A body we cannot parse (a new event shape, a test ping)
 * is still stored, under the hash of its bytes, rather than refused into a day of retries.
 */
function describeEvent(adapter: ReturnType<typeof getGateway>, input: { rawBody: string; headers: HeadersLike }) {
  try {
    const event = adapter.parseWebhook(input.rawBody, input.headers);
    const described = {
      eventId: event.eventId.slice(0, 128),
      eventType: event.gatewayType.slice(0, 64),
      gatewayOrderId: event.orderId?.slice(0, 64) ?? null,
    };
    // A `\u0000` escape in a signed body would make PostgreSQL refuse the row: file it as unparsed.
    if (controlCharacterErrors(described)) throw new Error('control characters in the event');
    return described;
  } catch {
    const hash = createHash('sha256').update(input.rawBody).digest('hex');
    return { eventId: `sha256:${hash}`, eventType: 'unparsed', gatewayOrderId: null };
  }
}
