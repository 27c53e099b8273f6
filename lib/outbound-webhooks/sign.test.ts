import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newSigningSecret, signature, signedHeaders } from './sign';

const body = JSON.stringify({ id: 'evt_000000000000000000000001', type: 'order.paid', created: 1, mode: 'test', data: { object: { id: 'ord_1', amount: 50_000 } } });
const now = () => Math.floor(Date.now() / 1000);

describe('Standard Webhooks signatures, judged by the reference library', () => {
  it('a new secret is whsec_ + base64 of 32 bytes', () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newSigningSecret()).not.toBe(secret);
  });

  it('our headers verify with standardwebhooks, and its signature is ours', () => {
    const secret = newSigningSecret();
    const id = 'evt_000000000000000000000001';
    const timestamp = now();
    const headers = signedHeaders([secret], id, timestamp, body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(secret).sign(id, new Date(timestamp * 1000), body)).toBe(signature(secret, id, timestamp, body));
  });

  it('one changed byte of the body, the id or the timestamp fails', () => {
    const secret = newSigningSecret();
    const headers = signedHeaders([secret], 'evt_a', now(), body);
    const verify = (b: string, h: Record<string, string>) => () => new Webhook(secret).verify(b, h);
    expect(verify(body.replace('50000', '50001'), headers)).toThrow(WebhookVerificationError);
    expect(verify(body, { ...headers, 'webhook-id': 'evt_b' })).toThrow(WebhookVerificationError);
    expect(verify(body, { ...headers, 'webhook-timestamp': String(Number(headers['webhook-timestamp']) + 1) })).toThrow(WebhookVerificationError);
    expect(() => new Webhook(newSigningSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
  });

  it('while a rotation overlaps, both secrets sign and each verifies on its own', () => {
    const [current, previous] = [newSigningSecret(), newSigningSecret()];
    const headers = signedHeaders([current, previous], 'evt_r', now(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toBeTruthy();
    expect(new Webhook(previous).verify(body, headers)).toBeTruthy();
  });

  it('refuses a secret without its prefix', () => {
    expect(() => signature('c2VjcmV0', 'evt', 1, body)).toThrow(/whsec_/);
  });
});
