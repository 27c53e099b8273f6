import { OVERLAP_LABELS as ENDPOINT_OVERLAP_LABELS } from '@/components/outbound-webhooks/labels';
import { OVERLAP_LABELS, type Overlap } from '@/lib/api-keys/contract';
import { formatDateTime } from '@/lib/format';

type Details = Record<string, unknown>;

const ACTION_LABELS: Record<string, string> = {
  'credentials.submitted': 'Gateway credentials submitted',
  'credentials.payment_modes_changed': 'Payment modes changed',
  'verification.succeeded': 'Test order verified steps 1–3',
  'verification.failed': 'Test order failed',
  'verification.unavailable': 'Test order could not reach the gateway',
  'webhook.marked_done': 'Webhook step marked as done',
  'webhook.secret_rotated': 'Webhook secret rotated',
  'webhook.secret_revealed': 'Webhook secret revealed',
  'npm.marked_done': 'NPM Integration marked as done',
  'gateway.reset': 'Gateway connection reset',
  'api_key.generated': 'API keys generated',
  'api_key.rolled': 'Secret key rolled',
  'api_key.revoked': 'Secret key revoked',
  'app.deleted': 'App deleted',
  'app.allowed_origins_changed': 'Allowed domains changed',
  'webhook_endpoint.created': 'Webhook endpoint added',
  'webhook_endpoint.updated': 'Webhook endpoint edited',
  'webhook_endpoint.enabled': 'Webhook endpoint enabled',
  'webhook_endpoint.disabled': 'Webhook endpoint disabled',
  'webhook_endpoint.deleted': 'Webhook endpoint deleted',
  'webhook_endpoint.secret_revealed': 'Webhook endpoint secret revealed',
  'webhook_endpoint.secret_rotated': 'Webhook endpoint secret rotated',
  'webhook_endpoint.recovered': 'Failed webhook events recovered',
};

const GATEWAY_NAMES: Record<string, string> = { razorpay: 'Razorpay', cashfree: 'Cashfree' };
const MAX_SUMMARY = 160;
// Details never should hold a secret; the generic summary skips such fields all the same.
const SENSITIVE_FIELD = /secret|token|password|hash|signature|ciphertext/i;

export const describeAction = (action: string) => ACTION_LABELS[action] ?? action;

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
const count = (value: unknown) => (typeof value === 'number' ? value : undefined);
const shortId = (value: unknown) => (text(value) ? `key ${text(value)!.slice(0, 8)}` : undefined);
const shortKey = (value: unknown) => (text(value) && text(value)!.length > 16 ? `${text(value)!.slice(0, 12)}…` : text(value));
const gatewayName = (value: unknown) => (text(value) ? (GATEWAY_NAMES[text(value)!] ?? text(value)) : undefined);
const attempt = (details: Details) => (count(details.attempt) ? `Attempt ${details.attempt}` : undefined);
const dateTime = (value: unknown) => {
  const date = text(value) ? new Date(text(value)!) : null;
  return date && !Number.isNaN(date.getTime()) ? formatDateTime(date) : undefined;
};

function rolledSummary(details: Details) {
  const previous = Array.isArray(details.previousKeys) ? (details.previousKeys as Details[]) : [];
  const overlap = text(details.overlap) as Overlap | undefined;
  const names = previous.map((k) => text(k.displayPrefix) ?? 'previous key').join(', ');
  const kept =
    previous.length === 0
      ? 'no previous key was active'
      : overlap && overlap in OVERLAP_LABELS && overlap !== 'now'
        ? `${names} kept for ${OVERLAP_LABELS[overlap]}`
        : `${names} stopped at once`;
  return [text(details.displayPrefix) && `New ${details.displayPrefix}`, shortId(details.keyId), kept];
}

const endpointOf = (d: Details) => (text(d.endpointId) ? `endpoint ${text(d.endpointId)}` : undefined);

function endpointRotatedSummary(d: Details) {
  const overlap = text(d.overlap);
  if (overlap === 'none') return [endpointOf(d), 'previous secret stopped at once'];
  return [endpointOf(d), overlap && overlap in ENDPOINT_OVERLAP_LABELS ? `previous secret kept for ${ENDPOINT_OVERLAP_LABELS[overlap as keyof typeof ENDPOINT_OVERLAP_LABELS]}` : undefined];
}

const SUMMARIES: Record<string, (details: Details) => (string | undefined)[]> = {
  'credentials.submitted': (d) => [
    gatewayName(d.gateway),
    text(d.keyId),
    text(d.mode) && `${d.mode} mode`,
    Array.isArray(d.paymentModes) ? d.paymentModes.join(', ') : undefined,
    d.secretReplaced === false ? 'secret unchanged' : undefined,
  ],
  'credentials.payment_modes_changed': (d) => [Array.isArray(d.paymentModes) ? d.paymentModes.join(', ') : undefined],
  'verification.succeeded': (d) => [attempt(d), gatewayName(d.gateway), text(d.gatewayOrderId)],
  'verification.failed': (d) => [attempt(d), text(d.message)],
  'verification.unavailable': (d) => [attempt(d), text(d.message)],
  'webhook.secret_rotated': (d) => [dateTime(d.previousValidUntil) && `Previous secret valid until ${dateTime(d.previousValidUntil)}`],
  'gateway.reset': (d) => [text(d.previousStatus) && `Was ${d.previousStatus}`],
  'api_key.generated': (d) => [
    text(d.mode) && `${d.mode} mode`,
    text(d.displayPrefix) && `secret ${d.displayPrefix}`,
    shortId(d.keyId),
    text(d.publicKey) && `public ${shortKey(d.publicKey)}`,
  ],
  'api_key.rolled': rolledSummary,
  'api_key.revoked': (d) => [text(d.displayPrefix), shortId(d.keyId)],
  'app.allowed_origins_changed': (d) => [Array.isArray(d.origins) ? (d.origins.length ? d.origins.join(', ') : 'none') : undefined],
  'webhook_endpoint.created': (d) => [text(d.url), text(d.mode) && `${d.mode} mode`],
  'webhook_endpoint.updated': (d) => [text(d.url), endpointOf(d)],
  'webhook_endpoint.enabled': (d) => [endpointOf(d)],
  'webhook_endpoint.disabled': (d) => [endpointOf(d)],
  'webhook_endpoint.deleted': (d) => [text(d.url), endpointOf(d)],
  'webhook_endpoint.secret_revealed': (d) => [endpointOf(d)],
  'webhook_endpoint.secret_rotated': endpointRotatedSummary,
  'webhook_endpoint.recovered': (d) => [
    count(d.count) !== undefined ? `${d.count} failed event${d.count === 1 ? '' : 's'} queued again` : undefined,
    dateTime(d.since) && `since ${dateTime(d.since)}`,
    endpointOf(d),
  ],
};

function genericSummary(details: Details) {
  return Object.entries(details)
    .filter(([key, value]) => !SENSITIVE_FIELD.test(key) && ['string', 'number', 'boolean'].includes(typeof value))
    .map(([key, value]) => `${key}: ${String(value)}`);
}

/** A one-line summary of an audit entry's details, for the Activity table. */
export function summarizeDetails(action: string, details: Details | null | undefined): string {
  if (!details || typeof details !== 'object') return '';
  const parts = (SUMMARIES[action] ?? genericSummary)(details).filter((part): part is string => Boolean(part));
  const summary = parts.join(' · ');
  return summary.length > MAX_SUMMARY ? `${summary.slice(0, MAX_SUMMARY - 1)}…` : summary;
}
