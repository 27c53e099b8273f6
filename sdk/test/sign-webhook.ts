import { createHmac, randomBytes } from 'node:crypto';
import { order } from './server.js';

// A test-only signer, written from the Standard Webhooks spec; KS Pay's own signer is on the server.

export const newSecret = (bytes = 24) => `whsec_${randomBytes(bytes).toString('base64')}`;

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function signature(secret: string, id: string, timestamp: number | string, body: string | Uint8Array) {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64')}`;
}

/** The three headers of a delivery signed with every secret given (two while one is rotated). */
export function signedHeaders(secrets: string | string[], body: string | Uint8Array, { id = 'evt_1', timestamp = nowSeconds() } = {}) {
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': list.map((secret) => signature(secret, id, timestamp, body)).join(' '),
  };
}

export function orderPaidEvent(id = 'evt_1') {
  const object = order('ord_1', { status: 'PAID', amount_paid: 49900 });
  return { id, type: 'order.paid', created: nowSeconds(), mode: 'test', data: { object } };
}
