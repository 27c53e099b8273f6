import { createHash } from 'node:crypto';
import type { Db } from '@/db';
import { getWebhookEndpoint, type WebhookEndpoint } from '@/db/queries/webhook-endpoints';
import { recordRejectedDelivery } from '@/db/queries/webhook-events';
import { decryptSecret } from '@/lib/crypto';
import { AppError } from '@/lib/errors';
import { type GatewayEvent, type GatewayName, getGateway, type HeadersLike, type WebhookRejection } from '@/lib/gateways';
import { log } from '@/lib/log';
import { recordAndApply } from '@/lib/payments/apply';
import { paymentObservationOf } from '@/lib/payments/observation';
import { diagnoseSignature } from './diagnose-signature';
import { safeHeaders } from './headers';

export const MAX_WEBHOOK_BYTES = 1024 * 1024;
/** A rejected body is kept this long at most: enough to see what was sent. */
export const MAX_REJECTED_BODY_CHARS = 16 * 1024;
/** Gateways' events are a few KB: bodies up to this size are parsed before their signature is checked. */
const EARLY_PARSE_MAX_CHARS = 64 * 1024;

export type RejectionReason = WebhookRejection | 'unknown_event';
export type ReceiveResult =
  | { outcome: 'applied' | 'duplicate' | 'stale' | 'ignored' }
  | { outcome: 'rejected'; reason: RejectionReason };

/**
 * Secrets a delivery may be signed with: Razorpay's webhook secret (and the previous one for a
 * day), Cashfree's client secrets (verified and current credentials).
 */
function candidateSecrets(gateway: GatewayName, { connection, current, verified }: WebhookEndpoint): string[] {
  if (gateway === 'razorpay') {
    const previousValid =
      connection.previousWebhookSecret &&
      connection.previousWebhookSecretExpiresAt &&
      connection.previousWebhookSecretExpiresAt > new Date();
    return [connection.webhookSecret, ...(previousValid ? [connection.previousWebhookSecret!] : [])].map(decryptSecret);
  }
  const credentials = verified?.id === current?.id ? [current] : [verified, current];
  return credentials.filter((c) => c?.gateway === 'cashfree').map((c) => decryptSecret(c!.secret));
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A gateway's delivery, recorded whatever it is. Unknown endpoint → not found (nothing to file it
 * under); a bad signature or an event we do not understand → `rejected`, kept within bounds; a
 * verified event is stored and applied in one transaction (one statement, `recordAndApply`),
 * deduplicated on its signed bytes.
 */
export async function receiveWebhook(
  db: Db,
  input: { gateway: GatewayName; endpointId: string; rawBody: string; headers: HeadersLike },
): Promise<ReceiveResult> {
  const adapter = getGateway(input.gateway);
  // The order a delivery names is read with its endpoint, so the body is parsed before its
  // signature is checked (nothing it says is used before that). A body larger than any gateway
  // sends is parsed only once verified: unsigned, it costs no more than its HMAC.
  const parsedEarly = input.rawBody.length <= EARLY_PARSE_MAX_CHARS;
  const parsed = parsedEarly ? parseEvent(adapter, input) : null;
  const endpoint = await getWebhookEndpoint(db, { endpointId: input.endpointId, gateway: input.gateway, gatewayOrderId: parsed?.orderId });
  // An endpoint serves the gateway of its credentials (either, while a replacement is verified).
  if (!endpoint || (endpoint.current?.gateway !== input.gateway && endpoint.verified?.gateway !== input.gateway)) {
    throw new AppError('not_found', 'Unknown webhook endpoint');
  }
  const { connection } = endpoint;
  const secrets = candidateSecrets(input.gateway, endpoint);
  const verification = adapter.verifyWebhook({ rawBody: input.rawBody, headers: input.headers, secrets });
  const base = {
    appId: connection.appId,
    connectionId: connection.id,
    gateway: input.gateway,
    headers: safeHeaders(input.headers),
    bodySha256: sha256(input.rawBody),
  };
  const reject = async (reason: RejectionReason, event?: GatewayEvent) => {
    await recordRejectedDelivery(db, {
      ...base,
      rejectionReason: reason,
      rejectionDetail: await diagnoseSignature(db, { endpoint, gateway: input.gateway, rawBody: input.rawBody, headers: input.headers, reason }),
      eventId: event?.eventId.slice(0, 128) ?? null,
      eventType: event?.gatewayType.slice(0, 64) ?? null,
      payload: input.rawBody.slice(0, MAX_REJECTED_BODY_CHARS).toWellFormed(),
    });
    log.warn({ event: 'webhook.rejected', gateway: input.gateway, connectionId: connection.id, reason });
    return { outcome: 'rejected' as const, reason };
  };
  if (!verification.valid) return reject(verification.reason);

  const event = parsedEarly ? parsed : parseEvent(adapter, input);
  if (!event) return reject('unknown_event');
  // Copies of a signed content share its dedup key, whatever unsigned event-id header they carry.
  const outcome = await recordAndApply(
    db,
    {
      ...base,
      source: 'webhook',
      eventId: event.eventId,
      eventType: event.gatewayType,
      dedupKey: base.bodySha256,
      gatewayOrderId: event.orderId,
      gatewayPaymentId: event.paymentId,
      payload: input.rawBody,
    },
    { gatewayOrderId: event.orderId, payment: paymentObservationOf(event) },
    { known: parsedEarly ? endpoint.order : undefined },
  );
  // Every delivery is in the delivery log already; a line each would cost about a tenth of its handling.
  log.debug({ event: 'webhook.received', gateway: input.gateway, connectionId: connection.id, eventId: event.eventId, type: event.gatewayType, outcome });
  return { outcome };
}

// Ids we file events under are printable ASCII: anything else (a `\u0000` escape PostgreSQL would
// refuse, say) is not an event we understand.
const ID = /^[\x21-\x7e]{1,64}$/;

/** The event in a body, or null when it is not one we understand. */
function parseEvent(adapter: ReturnType<typeof getGateway>, input: { rawBody: string; headers: HeadersLike }): GatewayEvent | null {
  let event: GatewayEvent;
  try {
    event = adapter.parseWebhook(input.rawBody, input.headers);
  } catch {
    return null;
  }
  if (event.type === 'unknown') return null;
  const ids = [event.gatewayType, event.orderId, event.paymentId, event.refund?.id, event.method].filter((v) => v != null);
  if (!ids.every((id) => ID.test(id))) return null;
  const clean = (text: string | null) => text?.replace(/\u0000/g, '') ?? null;
  return {
    ...event,
    // The event-id header is not signed: shown in the log, never used to deduplicate.
    eventId: /^[\x20-\x7e]{1,128}$/.test(event.eventId) ? event.eventId : 'invalid',
    error: event.error ? { ...event.error, code: clean(event.error.code), description: clean(event.error.description) } : null,
  };
}
