import { describe, expect, it } from 'vitest';
import { cashfreeWebhookSignature, hmacSha256, razorpayWebhookSignature } from '@/lib/gateways/signatures';
import { diagnoseDelivery, type DiagnosisInput } from './diagnose-signature';
import type { LabelledSecret } from './diagnosis-secrets';

const WEBHOOK = 'whsec_current_0123456789abcdef';
const PREVIOUS = 'whsec_previous_0123456789abcdef';
const EXPIRED = 'whsec_expired_0123456789abcdef';
const KEY_SECRET = 'sandboxSecretKsPay000001';
const CF_LIVE = 'cfsk_ma_prod_live_secret_0000';
const CF_TEST = 'cfsk_ma_test_test_secret_0000';
const CF_OLD_LIVE = 'cfsk_ma_prod_old_live_secret';

const razorpaySecrets = (previous: 'valid' | 'expired' | 'none' = 'none'): LabelledSecret[] => [
  { secret: WEBHOOK, role: 'webhook_secret', label: {} },
  ...(previous === 'valid' ? [{ secret: PREVIOUS, role: 'previous_webhook_secret' as const, label: { validUntil: '2026-12-02T00:00:00.000Z' } }] : []),
  ...(previous === 'expired' ? [{ secret: EXPIRED, role: 'expired_webhook_secret' as const, label: { validUntil: '2026-11-01T00:00:00.000Z' } }] : []),
  { secret: KEY_SECRET, role: 'key_secret', label: { mode: 'test', keyIdHint: 'ox01' } },
];
const cashfreeSecrets: LabelledSecret[] = [
  { secret: CF_LIVE, role: 'client_secret_in_use', label: { mode: 'live', keyIdHint: 'live' } },
  { secret: CF_TEST, role: 'client_secret_other_mode', label: { mode: 'test', keyIdHint: 'test' } },
  { secret: CF_OLD_LIVE, role: 'client_secret_replaced', label: { mode: 'live', keyIdHint: 'old1' } },
];

const body = JSON.stringify({ entity: 'event', event: 'payment.captured', payload: { payment: { entity: { id: 'pay_1', amount: 100 } } }, created_at: 1 });
const now = new Date('2026-12-01T10:00:00Z');
const ts = String(now.getTime() - 60_000);

const razorpay = (headers: Record<string, string>, extra: Partial<DiagnosisInput> = {}) =>
  diagnoseDelivery({ gateway: 'razorpay', rawBody: body, headers, reason: 'signature_mismatch', secrets: razorpaySecrets(), now, ...extra });
const cashfree = (headers: Record<string, string>, extra: Partial<DiagnosisInput> = {}) =>
  diagnoseDelivery({ gateway: 'cashfree', rawBody: body, headers, reason: 'signature_mismatch', secrets: cashfreeSecrets, now, ...extra });
const secretResults = (d: ReturnType<typeof diagnoseDelivery>) =>
  d.checks.flatMap((c) => (c.kind === 'secret' ? [[c.role, c.result]] : []));

describe('diagnoseDelivery: why a signature was refused', () => {
  it('a missing or empty signature header', () => {
    expect(razorpay({}, { reason: 'missing_signature' })).toEqual({
      likelyCause: 'missing_signature',
      checks: [{ kind: 'signature_header', header: 'x-razorpay-signature', result: 'missing' }],
      claimedEventType: 'payment.captured',
    });
    expect(razorpay({ 'x-razorpay-signature': '  ' }, { reason: 'missing_signature' }).checks[0]).toMatchObject({ result: 'empty' });
    expect(cashfree({ 'x-webhook-timestamp': ts }, { reason: 'missing_signature' }).likelyCause).toBe('missing_signature');
  });

  it("the other gateway's header scheme, either way round", () => {
    const cashfreeStyle = { 'x-webhook-signature': cashfreeWebhookSignature(ts, body, WEBHOOK), 'x-webhook-timestamp': ts };
    expect(razorpay(cashfreeStyle, { reason: 'missing_signature' })).toEqual({
      likelyCause: 'other_gateway_scheme',
      checks: [
        { kind: 'signature_header', header: 'x-razorpay-signature', result: 'missing' },
        { kind: 'other_gateway_header', header: 'x-webhook-signature', result: 'present' },
      ],
      claimedEventType: 'payment.captured',
    });
    expect(cashfree({ 'x-razorpay-signature': razorpayWebhookSignature(body, CF_LIVE) }, { reason: 'missing_signature' }).likelyCause).toBe(
      'other_gateway_scheme',
    );
  });

  it('a malformed signature: neither hex nor base64 of an HMAC', () => {
    const d = razorpay({ 'x-razorpay-signature': 'sha256=abc' }, { reason: 'malformed_signature' });
    expect(d.likelyCause).toBe('malformed_signature');
    expect(d.checks[1]).toEqual({ kind: 'signature_format', expected: 'hex', seen: 'other', length: 10, result: 'malformed' });
    expect(razorpay({ 'x-razorpay-signature': 'ab'.repeat(31) }, { reason: 'malformed_signature' }).likelyCause).toBe('malformed_signature');
  });

  it('base64 where hex is expected (and the other way), telling whether the bytes match once re-encoded', () => {
    const base64 = hmacSha256(WEBHOOK, body, 'base64');
    const d = razorpay({ 'x-razorpay-signature': base64 }, { reason: 'malformed_signature' });
    expect(d.likelyCause).toBe('wrong_encoding');
    expect(d.checks[1]).toMatchObject({ kind: 'signature_format', expected: 'hex', seen: 'base64', result: 'wrong_encoding' });
    expect(secretResults(d)).toEqual([['webhook_secret', 'match_if_re_encoded'], ['key_secret', 'no_match']]);
    // Upper-case hex is the same bytes written differently.
    const upper = razorpay({ 'x-razorpay-signature': razorpayWebhookSignature(body, WEBHOOK).toUpperCase() }, { reason: 'malformed_signature' });
    expect(upper.likelyCause).toBe('wrong_encoding');
    expect(upper.checks[1]).toMatchObject({ seen: 'uppercase_hex' });
    const hex = cashfree({ 'x-webhook-signature': hmacSha256(CF_LIVE, ts + body, 'hex'), 'x-webhook-timestamp': ts }, { reason: 'malformed_signature' });
    expect(hex.likelyCause).toBe('wrong_encoding');
    expect(secretResults(hex)[0]).toEqual(['client_secret_in_use', 'match_if_re_encoded']);
  });

  it('matches a Razorpay webhook secret rotated away (its overlap over); the previous one within it is not a cause', () => {
    const d = razorpay({ 'x-razorpay-signature': razorpayWebhookSignature(body, EXPIRED) }, { secrets: razorpaySecrets('expired') });
    expect(d.likelyCause).toBe('rotated_secret');
    expect(d.checks).toContainEqual({ kind: 'secret', role: 'expired_webhook_secret', result: 'match', validUntil: '2026-11-01T00:00:00.000Z' });
    expect(secretResults(d)).toEqual([['webhook_secret', 'no_match'], ['expired_webhook_secret', 'match'], ['key_secret', 'no_match']]);
  });

  it('signed with the API key secret instead of the webhook secret', () => {
    const d = razorpay({ 'x-razorpay-signature': razorpayWebhookSignature(body, KEY_SECRET) });
    expect(d.likelyCause).toBe('key_secret_used');
    expect(d.checks).toContainEqual({ kind: 'secret', role: 'key_secret', result: 'match', mode: 'test', keyIdHint: 'ox01' });
  });

  it("Cashfree: the test credentials' secret while live is in use, or replaced credentials of the same mode", () => {
    const signedWith = (secret: string) => ({ 'x-webhook-signature': cashfreeWebhookSignature(ts, body, secret), 'x-webhook-timestamp': ts });
    const test = cashfree(signedWith(CF_TEST));
    expect(test.likelyCause).toBe('other_mode_secret');
    expect(secretResults(test)).toEqual([
      ['client_secret_in_use', 'no_match'],
      ['client_secret_other_mode', 'match'],
      ['client_secret_replaced', 'no_match'],
    ]);
    expect(cashfree(signedWith(CF_OLD_LIVE)).likelyCause).toBe('replaced_credentials');
  });

  it('Cashfree: a missing timestamp; an old, future or seconds timestamp when nothing matches', () => {
    const signature = cashfreeWebhookSignature(ts, body, 'someone-else');
    expect(cashfree({ 'x-webhook-signature': signature }, { reason: 'missing_timestamp' }).likelyCause).toBe('missing_timestamp');
    const old = String(now.getTime() - 10 * 24 * 3600 * 1000);
    const stale = cashfree({ 'x-webhook-signature': signature, 'x-webhook-timestamp': old });
    expect(stale.likelyCause).toBe('stale_timestamp');
    expect(stale.checks).toContainEqual({ kind: 'timestamp', result: 'too_old', ageSeconds: 864_000 });
    const future = String(now.getTime() + 3600 * 1000);
    expect(cashfree({ 'x-webhook-signature': signature, 'x-webhook-timestamp': future }).checks).toContainEqual(
      expect.objectContaining({ kind: 'timestamp', result: 'in_future' }),
    );
    expect(cashfree({ 'x-webhook-signature': signature, 'x-webhook-timestamp': '1700000000' }).checks).toContainEqual({ kind: 'timestamp', result: 'in_seconds' });
    expect(cashfree({ 'x-webhook-signature': signature, 'x-webhook-timestamp': 'soon' }).likelyCause).toBe('stale_timestamp');
    // A fresh timestamp is no excuse: the secret or the body differs.
    expect(cashfree({ 'x-webhook-signature': signature, 'x-webhook-timestamp': ts }).likelyCause).toBe('body_or_secret_differs');
  });

  it('nothing matches and the body is JSON: changed in transit or a secret that differs', () => {
    const d = razorpay({ 'x-razorpay-signature': razorpayWebhookSignature(body, 'a-secret-we-never-had') });
    expect(d.likelyCause).toBe('body_or_secret_differs');
    expect(d.checks.at(-1)).toEqual({ kind: 'body', result: 'json' });
  });

  it('a pretty-printed body: re-serialised, proven when its compact form matches the signature', () => {
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    const proven = razorpay({ 'x-razorpay-signature': razorpayWebhookSignature(body, WEBHOOK) }, { rawBody: pretty });
    expect(proven.likelyCause).toBe('body_reserialised');
    expect(proven.checks).toContainEqual({ kind: 'compact_body', result: 'match' });
    const suspected = razorpay({ 'x-razorpay-signature': razorpayWebhookSignature(body, 'other') }, { rawBody: pretty });
    expect(suspected.likelyCause).toBe('body_reserialised');
    expect(suspected.checks.slice(-2)).toEqual([
      { kind: 'compact_body', result: 'no_match' },
      { kind: 'body', result: 'json_reformatted' },
    ]);
    // Cashfree's 170.00 → 170 survives no re-serialisation: compact but changed, so only "differs".
    const cfBody = '{"data":{"payment":{"payment_amount":170.00}},"type":"PAYMENT_SUCCESS_WEBHOOK"}';
    const signature = cashfreeWebhookSignature(ts, cfBody, CF_LIVE);
    const changed = cashfree({ 'x-webhook-signature': signature, 'x-webhook-timestamp': ts }, { rawBody: cfBody.replace('170.00', '170') });
    expect(changed.likelyCause).toBe('body_or_secret_differs');
    // Spaces inside strings are not re-formatting.
    const spaced = JSON.stringify({ event: 'a b', note: 'x\n  y' });
    expect(razorpay({ 'x-razorpay-signature': razorpayWebhookSignature(spaced, 'other') }, { rawBody: spaced }).likelyCause).toBe(
      'body_or_secret_differs',
    );
  });

  it('a body that is not JSON, and one too large to diagnose', () => {
    const signature = razorpayWebhookSignature('x', 'other');
    expect(razorpay({ 'x-razorpay-signature': signature }, { rawBody: 'hello=world' }).likelyCause).toBe('body_not_json');
    const large = razorpay({ 'x-razorpay-signature': signature }, { rawBody: 'x'.repeat(70_000) });
    expect(large).toMatchObject({ likelyCause: 'body_or_secret_differs', checks: expect.arrayContaining([{ kind: 'body', result: 'too_large' }]) });
    expect(secretResults(large)).toEqual([]);
  });

  it('a correctly signed event we do not handle: unknown event, with its type', () => {
    const unknown = JSON.stringify({ event: 'payment.dispute.created', payload: {} });
    const d = razorpay({ 'x-razorpay-signature': razorpayWebhookSignature(unknown, WEBHOOK) }, { rawBody: unknown, reason: 'unknown_event' });
    expect(d.likelyCause).toBe('unknown_event');
    expect(secretResults(d)[0]).toEqual(['webhook_secret', 'match']);
    expect(d.checks.at(-1)).toEqual({ kind: 'event_type', eventType: 'payment.dispute.created', result: 'unknown' });
    const cf = JSON.stringify({ type: 'SETTLEMENT_WEBHOOK', data: {} });
    const signed = { 'x-webhook-signature': cashfreeWebhookSignature(ts, cf, CF_LIVE), 'x-webhook-timestamp': ts };
    expect(cashfree(signed, { rawBody: cf, reason: 'unknown_event' }).checks.at(-1)).toMatchObject({ eventType: 'SETTLEMENT_WEBHOOK' });
  });

  it('no secret to check with', () => {
    const d = cashfree({ 'x-webhook-signature': cashfreeWebhookSignature(ts, body, CF_LIVE), 'x-webhook-timestamp': ts }, { secrets: [], reason: 'no_secrets' });
    expect(d.likelyCause).toBe('no_secrets');
  });

  it('never records a secret or the signature', () => {
    const signature = razorpayWebhookSignature(body, EXPIRED);
    const text = JSON.stringify(razorpay({ 'x-razorpay-signature': signature }, { secrets: razorpaySecrets('expired') }));
    for (const secret of [WEBHOOK, EXPIRED, KEY_SECRET, signature]) expect(text).not.toContain(secret);
  });
});
