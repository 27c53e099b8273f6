import { createHmac, timingSafeEqual } from 'node:crypto';
import { KsPayWebhookVerificationError as VerificationError } from './errors.js';
import type { WebhookEvent } from './types.js';

/** Node's `req.headers`, any plain object of headers (names in any case), or a Fetch `Headers`. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export type WebhookVerifyOptions = {
  /** How far `webhook-timestamp` may be from this server's clock, either way; default 300 (5 minutes). */
  toleranceSeconds?: number;
};

const SECRET_PREFIX = 'whsec_';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DEFAULT_TOLERANCE_SECONDS = 5 * 60;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Checks a delivery from KS Pay (Standard Webhooks: `webhook-id`, `webhook-timestamp`,
 * `webhook-signature`) and returns its event. `rawBody` must be the bytes as received — not a
 * parsed and re-serialised object. `secret` is the endpoint's `whsec_…`, or several while one is
 * being rotated. Throws KsPayWebhookVerificationError; answer 400 then.
 */
export function verifyWebhook(
  rawBody: string | Buffer | Uint8Array,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  options: WebhookVerifyOptions = {},
): WebhookEvent {
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new TypeError('toleranceSeconds must be a number of seconds, 0 or more');
  const keys = decodeSecrets(secret);
  const body = bodyBytes(rawBody);
  const id = requiredHeader(headers, 'webhook-id');
  const timestamp = requiredHeader(headers, 'webhook-timestamp');
  const signatures = requiredHeader(headers, 'webhook-signature');
  checkTimestamp(timestamp, tolerance);

  const offered = v1Signatures(signatures);
  const matches = keys.some((key) => {
    const expected = Buffer.from(sign(key, id, timestamp, body));
    return offered.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected));
  });
  if (!matches) {
    throw new VerificationError(
      'no_matching_signature',
      'no webhook-signature matches this body: check that the secret is this endpoint’s, and that rawBody is the request body exactly as received (a JSON body parser before this route changes it)',
    );
  }
  return parseEvent(body);
}

/** Verifies with `kspay.webhooks.verify(…)`; the same as the exported `verifyWebhook`. */
export class Webhooks {
  verify(rawBody: string | Buffer | Uint8Array, headers: WebhookHeaders, secret: string | readonly string[], options?: WebhookVerifyOptions): WebhookEvent {
    return verifyWebhook(rawBody, headers, secret, options);
  }
}

function sign(key: Buffer, id: string, timestamp: string, body: Uint8Array): string {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64');
}

function decodeSecrets(secret: string | readonly string[]): Buffer[] {
  const secrets = typeof secret === 'string' ? [secret] : Array.isArray(secret) ? secret : [];
  if (secrets.length === 0) {
    throw new VerificationError('invalid_secret', 'secret must be the endpoint’s signing secret (whsec_…), or an array of them while rotating');
  }
  return secrets.map((value, index) => {
    const encoded = typeof value === 'string' && value.startsWith(SECRET_PREFIX) ? value.slice(SECRET_PREFIX.length) : undefined;
    if (!encoded || !BASE64.test(encoded)) {
      const which = secrets.length > 1 ? `secret ${index + 1} of ${secrets.length}` : 'the secret';
      // Never echo the value: it may be a real secret pasted into the wrong variable.
      throw new VerificationError('invalid_secret', `${which} is not a signing secret: expected whsec_ followed by base64, as shown when the endpoint was created`);
    }
    return Buffer.from(encoded, 'base64');
  });
}

function bodyBytes(rawBody: unknown): Uint8Array {
  if (typeof rawBody === 'string') return Buffer.from(rawBody, 'utf8');
  if (rawBody instanceof Uint8Array) return rawBody;
  const got = rawBody === null ? 'null' : typeof rawBody;
  throw new VerificationError(
    'invalid_body',
    `rawBody must be the raw request body as a string or Buffer, got ${got}: read it unparsed (express.raw({ type: 'application/json' }) on this route, or await request.text())`,
  );
}

function requiredHeader(headers: WebhookHeaders, name: string): string {
  const value = readHeader(headers, name)?.trim();
  if (!value) throw new VerificationError('missing_header', `the ${name} header is missing: is this a delivery from KS Pay?`);
  return value;
}

function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers?.get === 'function') return (headers as Headers).get(name) ?? undefined;
  if (typeof headers !== 'object' || headers === null) return undefined;
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    values.push(...(Array.isArray(value) ? value : [value]));
  }
  // A repeated header reads as Fetch's Headers reads it: its values joined with ", ".
  return values.length === 0 ? undefined : values.join(', ');
}

function checkTimestamp(timestamp: string, toleranceSeconds: number) {
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw new VerificationError('invalid_timestamp', 'the webhook-timestamp header is not a Unix time in seconds');
  }
  const skew = Math.floor(Date.now() / 1000) - Number(timestamp);
  if (Math.abs(skew) > toleranceSeconds) {
    const direction = skew > 0 ? 'old' : 'in the future';
    throw new VerificationError(
      'timestamp_out_of_range',
      `the delivery is ${Math.abs(skew)} s ${direction}, more than the ${toleranceSeconds} s allowed: a replayed request, or this server’s clock is wrong`,
    );
  }
}

/** `v1,<base64>` entries of a space-separated list; other versions (e.g. `v1a`) are skipped. */
function v1Signatures(header: string): Buffer[] {
  return header
    .split(/\s+/)
    .map((entry) => entry.replace(/,$/, '')) // "v1,a, v1,b": two signature headers, joined
    .flatMap((entry) => {
      const comma = entry.indexOf(',');
      return comma > 0 && entry.slice(0, comma) === 'v1' ? [Buffer.from(entry.slice(comma + 1))] : [];
    });
}

function parseEvent(body: Uint8Array): WebhookEvent {
  let event: unknown;
  try {
    event = JSON.parse(utf8.decode(body));
  } catch {
    throw new VerificationError('invalid_body', 'the body is signed but is not UTF-8 JSON');
  }
  if (!isEnvelope(event)) throw new VerificationError('invalid_body', 'the body is signed but is not a KS Pay event { id, type, created, mode, data: { object } }');
  return event as WebhookEvent;
}

function isEnvelope(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { id, type, created, mode, data } = value as Record<string, unknown>;
  const object = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).object : undefined;
  return (
    typeof id === 'string' &&
    typeof type === 'string' &&
    typeof created === 'number' &&
    (mode === 'test' || mode === 'live') &&
    typeof object === 'object' &&
    object !== null
  );
}
