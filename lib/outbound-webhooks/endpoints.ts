import type { Db } from '@/db';
import { recordAudit } from '@/db/queries/audit';
import {
  countEndpoints,
  deleteEndpoint,
  type EndpointRow,
  getEndpoint,
  getEndpointSecrets,
  insertEndpoint,
  queueTestEvent,
  rotateEndpointSecret,
  updateEndpoint,
} from '@/db/queries/merchant-webhook-endpoints';
import { eventExists, recoverFailedDeliveries, resendDelivery } from '@/db/queries/outbound-deliveries';
import { fieldErrorsOf } from '@/lib/actions/field-errors';
import { decryptSecret, encryptSecret } from '@/lib/crypto';
import { allowPrivateWebhookUrls } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { controlCharacterErrors } from '@/lib/validations/control-characters';
import { envelope, newEndpointId } from './catalogue';
import { endpointInputSchema, ROTATION_OVERLAPS, type RotationOverlap, subscribedEvents } from './endpoint-input';
import { endpointUrlProblem } from './endpoint-url';
import { newSigningSecret } from './sign';
import { wakeDeliveryWorker } from './wake';

type Mode = 'test' | 'live';

/** Every state change fans out to each endpoint in its statement: a few per mode is plenty. */
export const MAX_ENDPOINTS_PER_MODE = 16;

/** The URL as the audit log keeps it: a query string may carry a token. */
const auditedUrl = (url: string) => {
  const { origin, pathname } = new URL(url);
  return origin + pathname;
};
type Actor = { merchantId: string | null; ip?: string | null };

/** The input checked as the form and the API check it; a bad one is a 400 naming the field. */
function parseInput(input: unknown, mode: Mode) {
  const control = controlCharacterErrors(input);
  if (control) throw new AppError('bad_request', Object.values(control)[0]![0]!, control);
  const parsed = endpointInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    throw new AppError('bad_request', Object.values(fieldErrors)[0]?.[0] ?? 'Check the endpoint', fieldErrors);
  }
  const url = parsed.data.url.trim();
  const problem = endpointUrlProblem(url, { mode, allowPrivate: allowPrivateWebhookUrls });
  if (problem) throw new AppError('bad_request', problem, { url: [problem] });
  return { url, events: subscribedEvents(parsed.data.events), description: parsed.data.description?.trim() || null };
}

/** Creates the endpoint with a new signing secret, which only this answer carries. */
export async function createEndpoint(db: Db, params: { appId: string; mode: Mode }, input: unknown, actor: Actor) {
  const fields = parseInput(input, params.mode);
  if ((await countEndpoints(db, params)) >= MAX_ENDPOINTS_PER_MODE) {
    throw new AppError('bad_request', `An app has at most ${MAX_ENDPOINTS_PER_MODE} endpoints per mode: remove one first.`);
  }
  const secret = newSigningSecret();
  const endpoint = await insertEndpoint(db, { id: newEndpointId(), ...params, ...fields, secretSealed: encryptSecret(secret) });
  await recordAudit(db, { appId: params.appId, ...actor, action: 'webhook_endpoint.created', details: { endpointId: endpoint.id, mode: params.mode, url: auditedUrl(endpoint.url) } });
  return { endpoint, secret };
}

async function owned(db: Db, params: { appId: string; id: string; mode?: Mode }): Promise<EndpointRow> {
  const endpoint = await getEndpoint(db, params);
  if (!endpoint) throw new AppError('not_found', 'No such webhook endpoint');
  return endpoint;
}

export async function editEndpoint(db: Db, params: { appId: string; id: string }, input: unknown, actor: Actor) {
  const endpoint = await owned(db, params);
  const fields = parseInput(input, endpoint.mode);
  const updated = (await updateEndpoint(db, params, fields))!;
  await recordAudit(db, { appId: params.appId, ...actor, action: 'webhook_endpoint.updated', details: { endpointId: endpoint.id, url: auditedUrl(updated.url) } });
  return updated;
}

export async function setEndpointEnabled(db: Db, params: { appId: string; id: string }, enabled: boolean, actor: Actor) {
  await owned(db, params);
  const updated = (await updateEndpoint(db, params, { enabled }))!;
  await recordAudit(db, { appId: params.appId, ...actor, action: enabled ? 'webhook_endpoint.enabled' : 'webhook_endpoint.disabled', details: { endpointId: params.id } });
  if (enabled) wakeDeliveryWorker();
  return updated;
}

export async function removeEndpoint(db: Db, params: { appId: string; id: string; mode?: Mode }, actor: Actor) {
  const endpoint = await owned(db, params);
  await deleteEndpoint(db, params);
  await recordAudit(db, { appId: params.appId, ...actor, action: 'webhook_endpoint.deleted', details: { endpointId: endpoint.id, url: auditedUrl(endpoint.url) } });
}

/** The current secret (and the old one while it still signs), for the merchant only: audited. */
export async function revealEndpointSecret(db: Db, params: { appId: string; id: string }, actor: Actor) {
  const sealed = await getEndpointSecrets(db, params);
  if (!sealed) throw new AppError('not_found', 'No such webhook endpoint');
  await recordAudit(db, { appId: params.appId, ...actor, action: 'webhook_endpoint.secret_revealed', details: { endpointId: params.id } });
  const previousActive = sealed.previousSecretSealed && sealed.previousSecretExpiresAt && sealed.previousSecretExpiresAt > new Date();
  return {
    secret: decryptSecret(sealed.secretSealed),
    previous: previousActive ? { secret: decryptSecret(sealed.previousSecretSealed!), expiresAt: sealed.previousSecretExpiresAt! } : null,
  };
}

/** A new secret signs from now; the old one beside it for `overlap`. Answers the new secret once. */
export async function rotateSecret(db: Db, params: { appId: string; id: string }, overlap: RotationOverlap, actor: Actor) {
  await owned(db, params);
  const secret = newSigningSecret();
  const previousExpiresAt = new Date(Date.now() + ROTATION_OVERLAPS[overlap] * 1000);
  await rotateEndpointSecret(db, { ...params, secretSealed: encryptSecret(secret), previousExpiresAt });
  await recordAudit(db, { appId: params.appId, ...actor, action: 'webhook_endpoint.secret_rotated', details: { endpointId: params.id, overlap } });
  return { secret, previousExpiresAt };
}

/** Queues a `webhook.test` event for this endpoint alone. */
export async function sendTestEvent(db: Db, params: { appId: string; id: string }) {
  const endpoint = await owned(db, params);
  const event = envelope('webhook.test', endpoint.mode, { object: 'test', endpoint_id: endpoint.id, message: 'A test event from KS Pay: your endpoint is reachable and verifies signatures.' }, new Date());
  await queueTestEvent(db, { appId: params.appId, endpointId: endpoint.id, event });
  wakeDeliveryWorker();
  return event.id;
}

/** Delivers the event to the endpoint again, now, on a fresh retry schedule (Resend). */
export async function resendEvent(db: Db, params: { appId: string; id: string; eventId: string }) {
  const endpoint = await owned(db, params);
  if (!(await eventExists(db, { appId: params.appId, eventId: params.eventId, mode: endpoint.mode }))) throw new AppError('not_found', 'No such event in this mode');
  if (!(await resendDelivery(db, { appId: params.appId, endpointId: endpoint.id, eventId: params.eventId }))) {
    throw new AppError('conflict', 'This event is being delivered right now: wait for the attempt to finish.');
  }
  wakeDeliveryWorker();
}

/** Queues again every event that failed for good since `since` (Recover); answers how many. */
export async function recoverEndpoint(db: Db, params: { appId: string; id: string }, since: Date, actor: Actor) {
  const endpoint = await owned(db, params);
  const count = await recoverFailedDeliveries(db, { endpointId: endpoint.id, since });
  await recordAudit(db, { appId: params.appId, ...actor, action: 'webhook_endpoint.recovered', details: { endpointId: endpoint.id, since: since.toISOString(), count } });
  if (count > 0) wakeDeliveryWorker();
  return count;
}
