import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '@/db';
import { getHeader } from '@/lib/gateways/headers';
import type { GatewayName, HeadersLike } from '@/lib/gateways';
import { log } from '@/lib/log';
import { diagnosisSecrets, type Endpoint, type LabelledSecret } from './diagnosis-secrets';
import type { LikelyCause, SecretRole, SignatureCheck, SignatureDiagnosis, SignatureEncoding } from './signature-diagnosis';

// Signature headers are never stored, so a rejection is explained when it happens or never.

const SCHEMES = {
  razorpay: { header: 'x-razorpay-signature', encoding: 'hex' },
  cashfree: { header: 'x-webhook-signature', encoding: 'base64' },
} as const satisfies Record<GatewayName, { header: string; encoding: SignatureEncoding }>;

/** Real events are a few KB; past this a forged body does not earn a dozen HMACs. */
const MAX_DIAGNOSED_CHARS = 64 * 1024;
/** Cashfree retries for a day or so with the first attempt's timestamp; older looks replayed. */
const MAX_TIMESTAMP_AGE_S = 3 * 24 * 60 * 60;
const MAX_CLOCK_SKEW_S = 5 * 60;

/** The secrets the route itself verifies with: matching one of these is not a rejection. */
const IN_USE: readonly SecretRole[] = ['webhook_secret', 'previous_webhook_secret', 'client_secret_in_use', 'client_secret_submitted'];

const CAUSE_OF_ROLE: Partial<Record<SecretRole, LikelyCause>> = {
  expired_webhook_secret: 'rotated_secret',
  key_secret: 'key_secret_used',
  client_secret_other_mode: 'other_mode_secret',
  client_secret_replaced: 'replaced_credentials',
};

export type DiagnosisInput = {
  gateway: GatewayName;
  rawBody: string;
  headers: HeadersLike;
  reason: string;
  secrets: readonly LabelledSecret[];
  now?: Date;
};

/**
 * For the one place receive.ts records a rejection: what was tried and the likely cause. Never
 * throws (a diagnosis must not cost the delivery its record): null when it could not be made.
 */
export async function diagnoseSignature(
  db: Db,
  input: { endpoint: Endpoint; gateway: GatewayName; rawBody: string; headers: HeadersLike; reason: string },
): Promise<SignatureDiagnosis | null> {
  try {
    const secrets = await diagnosisSecrets(db, input.endpoint, input.gateway, { needOthers: input.reason === 'signature_mismatch' });
    return diagnoseDelivery({ ...input, secrets });
  } catch (error) {
    log.warn({ event: 'webhook.diagnosis_failed', gateway: input.gateway, error: error instanceof Error ? error.name : 'unknown' });
    return null;
  }
}

export function diagnoseDelivery(input: DiagnosisInput): SignatureDiagnosis {
  const checks: SignatureCheck[] = [];
  const claimedEventType = input.rawBody.length <= MAX_DIAGNOSED_CHARS ? eventTypeOf(input.rawBody) : null;
  const done = (likelyCause: LikelyCause): SignatureDiagnosis => ({ likelyCause, checks, claimedEventType });
  const scheme = SCHEMES[input.gateway];
  const otherHeader = SCHEMES[input.gateway === 'razorpay' ? 'cashfree' : 'razorpay'].header;
  const signature = getHeader(input.headers, scheme.header)?.trim() ?? null;
  const hasOther = Boolean(getHeader(input.headers, otherHeader)?.trim());

  if (!signature) {
    checks.push({ kind: 'signature_header', header: scheme.header, result: signature === null ? 'missing' : 'empty' });
    if (hasOther) checks.push({ kind: 'other_gateway_header', header: otherHeader, result: 'present' });
    return done(hasOther ? 'other_gateway_scheme' : 'missing_signature');
  }
  checks.push({ kind: 'signature_header', header: scheme.header, result: 'present' });
  if (hasOther) checks.push({ kind: 'other_gateway_header', header: otherHeader, result: 'present' });

  const format = signatureFormat(signature, scheme.encoding);
  checks.push({ kind: 'signature_format', expected: scheme.encoding, ...format.check });
  if (format.check.result === 'malformed') return done('malformed_signature');

  let timestamp = '';
  if (input.gateway === 'cashfree') {
    timestamp = getHeader(input.headers, 'x-webhook-timestamp')?.trim() ?? '';
    const check = timestampCheck(timestamp, input.now ?? new Date());
    checks.push(check);
    if (check.result === 'missing') return done('missing_timestamp');
  }
  if (input.reason === 'no_secrets' || input.secrets.length === 0) return done('no_secrets');
  if (input.rawBody.length > MAX_DIAGNOSED_CHARS) {
    checks.push({ kind: 'body', result: 'too_large' });
    return done('body_or_secret_differs');
  }

  const signed = (body: string) => (input.gateway === 'cashfree' ? timestamp + body : body);
  const matches = (secret: string, body: string) => sameBytes(createHmac('sha256', secret).update(signed(body), 'utf8').digest(), format.bytes);
  let matched: LabelledSecret | undefined;
  for (const candidate of input.secrets) {
    const match = matches(candidate.secret, input.rawBody);
    matched ??= match ? candidate : undefined;
    const result = !match ? 'no_match' : format.check.result === 'ok' ? 'match' : 'match_if_re_encoded';
    checks.push({ kind: 'secret', role: candidate.role, result, ...candidate.label });
  }
  if (input.reason === 'unknown_event') {
    checks.push({ kind: 'event_type', eventType: claimedEventType, result: 'unknown' });
    return done('unknown_event');
  }
  if (matched && IN_USE.includes(matched.role)) return done(format.check.result === 'ok' ? 'unknown_event' : 'wrong_encoding');
  if (matched) return done(CAUSE_OF_ROLE[matched.role] ?? 'body_or_secret_differs');
  if (format.check.result === 'wrong_encoding') return done('wrong_encoding');

  const timestampOff = input.gateway === 'cashfree' && checks.some((c) => c.kind === 'timestamp' && c.result !== 'ok');
  const body = bodyShape(input.rawBody);
  if (body.compact !== null && body.compact !== input.rawBody) {
    // A proxy that parsed and re-emitted the JSON: its compact form may be what was signed.
    const compactMatch = input.secrets.some((s) => IN_USE.includes(s.role) && matches(s.secret, body.compact!));
    checks.push({ kind: 'compact_body', result: compactMatch ? 'match' : 'no_match' });
    if (compactMatch) return done('body_reserialised');
  }
  checks.push({ kind: 'body', result: body.result });
  if (timestampOff) return done('stale_timestamp');
  if (body.result === 'not_json') return done('body_not_json');
  return done(body.result === 'json_reformatted' ? 'body_reserialised' : 'body_or_secret_differs');
}

type Format = { check: Omit<Extract<SignatureCheck, { kind: 'signature_format' }>, 'kind' | 'expected'>; bytes: Buffer };

/** How the signature is written, and its bytes when it is a 32-byte HMAC in either encoding. */
function signatureFormat(signature: string, expected: SignatureEncoding): Format {
  const length = signature.length;
  const seen = /^[0-9a-f]{64}$/.test(signature)
    ? 'hex'
    : /^[0-9a-fA-F]{64}$/.test(signature)
      ? 'uppercase_hex'
      : /^[A-Za-z0-9+/]{43}=$/.test(signature)
        ? 'base64'
        : 'other';
  if (seen === 'other') return { check: { seen, length, result: 'malformed' }, bytes: Buffer.alloc(0) };
  const bytes = Buffer.from(signature, seen === 'base64' ? 'base64' : 'hex');
  return { check: { seen, length, result: seen === expected ? 'ok' : 'wrong_encoding' }, bytes };
}

function timestampCheck(timestamp: string, now: Date): Extract<SignatureCheck, { kind: 'timestamp' }> {
  if (!timestamp) return { kind: 'timestamp', result: 'missing' };
  if (!/^\d{1,16}$/.test(timestamp)) return { kind: 'timestamp', result: 'not_a_number' };
  const value = Number(timestamp);
  // Cashfree sends milliseconds; ten digits is a time in seconds.
  if (value < 1e11) return { kind: 'timestamp', result: 'in_seconds' };
  const ageSeconds = Math.round((now.getTime() - value) / 1000);
  if (ageSeconds > MAX_TIMESTAMP_AGE_S) return { kind: 'timestamp', result: 'too_old', ageSeconds };
  if (ageSeconds < -MAX_CLOCK_SKEW_S) return { kind: 'timestamp', result: 'in_future', ageSeconds };
  return { kind: 'timestamp', result: 'ok', ageSeconds };
}

function bodyShape(rawBody: string): { result: 'json' | 'json_reformatted' | 'not_json'; compact: string | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return { result: 'not_json', compact: null };
  }
  const compact = JSON.stringify(parsed);
  // Gateways send compact JSON: whitespace between tokens means someone re-wrote it.
  const reformatted = /\s/.test(rawBody.replace(/"(?:[^"\\]|\\.)*"/g, '""'));
  return { result: reformatted ? 'json_reformatted' : 'json', compact };
}

/** The event name the body gives, for the record (printable, bounded), or null. */
function eventTypeOf(rawBody: string): string | null {
  try {
    const body = JSON.parse(rawBody) as { event?: unknown; type?: unknown };
    const type = typeof body?.event === 'string' ? body.event : typeof body?.type === 'string' ? body.type : null;
    return type && /^[\x20-\x7e]{1,64}$/.test(type) ? type : null;
  } catch {
    return null;
  }
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
