import { describe, expect, it } from 'vitest';
import { describeAction, summarizeDetails } from './describe-audit';

const KEY_ID = '3f6c2a1e-9b7d-4c1a-8e2f-0a1b2c3d4e5f';

describe('describeAction', () => {
  it('labels known actions in plain words and falls back to the raw action', () => {
    expect(describeAction('api_key.rolled')).toBe('Secret key rolled');
    expect(describeAction('verification.succeeded')).toBe('Test order verified steps 1–3');
    expect(describeAction('orders.exported')).toBe('orders.exported');
  });
});

describe('summarizeDetails', () => {
  it('summarises credentials and verification entries', () => {
    expect(
      summarizeDetails('credentials.submitted', {
        gateway: 'razorpay',
        keyId: 'rzp_test_KsPaySandbox01',
        mode: 'test',
        paymentModes: ['upi', 'card'],
        secretReplaced: true,
      }),
    ).toBe('Razorpay · rzp_test_KsPaySandbox01 · test mode · upi, card');
    expect(summarizeDetails('verification.succeeded', { attempt: 1, gateway: 'cashfree', gatewayOrderId: 'order_9' })).toBe(
      'Attempt 1 · Cashfree · order_9',
    );
    expect(summarizeDetails('verification.failed', { attempt: 2, kind: 'auth', message: 'The Key Secret is wrong.' })).toBe(
      'Attempt 2 · The Key Secret is wrong.',
    );
    expect(summarizeDetails('gateway.reset', { previousStatus: 'locked' })).toBe('Was locked');
    expect(summarizeDetails('webhook.secret_rotated', { previousValidUntil: '2026-01-02T03:04:00.000Z' })).toMatch(
      /^Previous secret valid until .*UTC$/,
    );
  });

  it('summarises API key entries by prefix and short key id', () => {
    expect(
      summarizeDetails('api_key.generated', {
        mode: 'test',
        keyId: KEY_ID,
        displayPrefix: 'sk_test_AbCd…',
        publicKeyId: KEY_ID,
        publicKey: 'pk_test_0123456789abcdefghijABCDEFGHIJ',
      }),
    ).toBe('test mode · secret sk_test_AbCd… · key 3f6c2a1e · public pk_test_0123…');
    expect(
      summarizeDetails('api_key.rolled', {
        keyId: KEY_ID,
        displayPrefix: 'sk_test_New1…',
        overlap: '24h',
        previousKeys: [{ keyId: KEY_ID, displayPrefix: 'sk_test_Old1…' }],
      }),
    ).toBe('New sk_test_New1… · key 3f6c2a1e · sk_test_Old1… kept for 24 hours');
    expect(summarizeDetails('api_key.rolled', { displayPrefix: 'sk_test_New1…', overlap: 'now', previousKeys: [{}] })).toBe(
      'New sk_test_New1… · previous key stopped at once',
    );
    expect(summarizeDetails('api_key.revoked', { keyId: KEY_ID, displayPrefix: 'sk_live_AbCd…' })).toBe(
      'sk_live_AbCd… · key 3f6c2a1e',
    );
  });

  it('falls back to the simple fields of unknown actions, skipping anything secret-like', () => {
    expect(
      summarizeDetails('orders.exported', { count: 3, format: 'csv', webhookSecret: 'whsec_x', nested: { a: 1 }, token: 't' }),
    ).toBe('count: 3 · format: csv');
  });

  it('is empty for no details, and short for long ones', () => {
    expect(summarizeDetails('webhook.marked_done', {})).toBe('');
    expect(summarizeDetails('x', null)).toBe('');
    const long = summarizeDetails('verification.failed', { attempt: 1, message: 'x'.repeat(500) });
    expect(long.length).toBe(160);
    expect(long.endsWith('…')).toBe(true);
  });

  it('summarises webhook endpoint entries by URL, endpoint, overlap and count', () => {
    const endpointId = 'we_0123456789abcdefghijABCD';
    expect(describeAction('webhook_endpoint.secret_revealed')).toBe('Webhook endpoint secret revealed');
    expect(summarizeDetails('webhook_endpoint.created', { endpointId, mode: 'test', url: 'https://shop.example/hooks' })).toBe(
      'https://shop.example/hooks · test mode',
    );
    expect(summarizeDetails('webhook_endpoint.secret_rotated', { endpointId, overlap: '7d' })).toBe(`endpoint ${endpointId} · previous secret kept for 7 days`);
    expect(summarizeDetails('webhook_endpoint.secret_rotated', { endpointId, overlap: 'none' })).toBe(`endpoint ${endpointId} · previous secret stopped at once`);
    expect(summarizeDetails('webhook_endpoint.recovered', { endpointId, since: '2026-01-02T03:04:00.000Z', count: 1 })).toMatch(
      new RegExp(`^1 failed event queued again · since .*UTC · endpoint ${endpointId}$`),
    );
    expect(summarizeDetails('webhook_endpoint.recovered', { endpointId, since: 'nonsense', count: 0 })).toBe(`0 failed events queued again · endpoint ${endpointId}`);
  });
});
