import fc from 'fast-check';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { KsPay, KsPayError, KsPayWebhookVerificationError, type Order, type Refund, verifyWebhook, type WebhookEvent } from '../src/index.js';
import { newSecret, nowSeconds, orderPaidEvent, signature, signedHeaders } from './sign-webhook.js';

// The Standard Webhooks reference library (`standardwebhooks`) is the independent judge: what it
// signs, we accept; what it refuses, we refuse.
const theirSignature = (secret: string, id: string, timestamp: number, body: string) => new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
const theyAccept = (secret: string, body: string | Buffer, headers: Record<string, string>) => {
  try {
    new Webhook(secret).verify(body, headers);
    return true;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return false;
    throw error;
  }
};
const weAccept = (secret: string | string[], body: string | Uint8Array, headers: Record<string, string>) => {
  try {
    verifyWebhook(body, headers, secret);
    return true;
  } catch (error) {
    if (error instanceof KsPayWebhookVerificationError && error.code === 'no_matching_signature') return false;
    throw error;
  }
};
const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as KsPayWebhookVerificationError;
  }
  throw new Error('expected the verification to fail');
};

const body = JSON.stringify(orderPaidEvent('evt_1'));
// Random events: any id, a body with any Unicode, secrets of 24 to 64 bytes.
const deliveries = fc.record({
  id: fc.stringMatching(/^evt_[0-9A-Za-z]{1,24}$/),
  note: fc.string({ unit: 'grapheme', maxLength: 40 }),
  secretBytes: fc.integer({ min: 24, max: 64 }),
  skew: fc.integer({ min: -290, max: 290 }),
});
const deliveryBody = (id: string, note: string) => JSON.stringify({ ...orderPaidEvent(id), data: { object: { ...orderPaidEvent(id).data.object, notes: { note } } } });

describe('interoperability with the reference library', () => {
  it('what the reference library signs, we verify, and what we sign, it verifies', () => {
    fc.assert(
      fc.property(deliveries, ({ id, note, secretBytes, skew }) => {
        const secret = newSecret(secretBytes);
        const timestamp = nowSeconds() + skew;
        const payload = deliveryBody(id, note);
        const theirs = { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': theirSignature(secret, id, timestamp, payload) };
        const ours = signedHeaders(secret, payload, { id, timestamp });
        expect(ours['webhook-signature']).toBe(theirs['webhook-signature']);
        expect(verifyWebhook(payload, theirs, secret).id).toBe(id);
        expect(theyAccept(secret, payload, ours)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('one changed byte of the body, anywhere, fails both', () => {
    const secret = newSecret();
    const headers = signedHeaders(secret, body, { id: 'evt_1' });
    expect(weAccept(secret, body, headers) && theyAccept(secret, body, headers)).toBe(true);
    const bytes = Buffer.from(body);
    for (let i = 0; i < bytes.length; i++) {
      const tampered = Buffer.from(bytes);
      tampered[i] = tampered[i]! ^ 0x01;
      expect(weAccept(secret, tampered, headers), `byte ${i}`).toBe(false);
      expect(theyAccept(secret, tampered, headers), `byte ${i}`).toBe(false);
    }
  });

  it('a changed id or timestamp fails both, even by one character or one second', () => {
    const secret = newSecret();
    const timestamp = nowSeconds();
    const headers = signedHeaders(secret, body, { id: 'evt_1', timestamp });
    for (const changed of [
      { ...headers, 'webhook-id': 'evt_2' },
      { ...headers, 'webhook-id': 'evt_1x' },
      { ...headers, 'webhook-timestamp': String(timestamp + 1) },
      { ...headers, 'webhook-timestamp': String(timestamp - 1) },
    ]) {
      expect(weAccept(secret, body, changed)).toBe(false);
      expect(theyAccept(secret, body, changed)).toBe(false);
    }
  });

  it('a signature made with another secret fails both', () => {
    const headers = signedHeaders(newSecret(), body);
    const secret = newSecret();
    expect(weAccept(secret, body, headers)).toBe(false);
    expect(theyAccept(secret, body, headers)).toBe(false);
  });
});

describe('rotation', () => {
  const oldSecret = newSecret();
  const newer = newSecret(32);

  it('while two secrets sign, either one alone verifies, and so do both', () => {
    const headers = signedHeaders([oldSecret, newer], body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const secrets of [oldSecret, newer, [oldSecret, newer], [newer, oldSecret]]) expect(weAccept(secrets, body, headers)).toBe(true);
    expect(theyAccept(oldSecret, body, headers) && theyAccept(newer, body, headers)).toBe(true);
  });

  it('a receiver holding both secrets verifies deliveries signed by the old one only, then by the new one only', () => {
    expect(weAccept([oldSecret, newer], body, signedHeaders(oldSecret, body))).toBe(true);
    expect(weAccept([oldSecret, newer], body, signedHeaders(newer, body))).toBe(true);
    expect(weAccept([oldSecret, newer], body, signedHeaders(newSecret(), body))).toBe(false);
  });

  it('skips versions it does not know, and reads only v1', () => {
    const base = signedHeaders(oldSecret, body);
    const v1 = signature(oldSecret, 'evt_1', base['webhook-timestamp'], body);
    const asymmetric = `v1a,${v1.slice(3)}`;
    expect(weAccept(oldSecret, body, { ...base, 'webhook-signature': `v1a,c2lnbmF0dXJl v2,xyz ${base['webhook-signature']}` })).toBe(true);
    expect(weAccept(oldSecret, body, { ...base, 'webhook-signature': asymmetric })).toBe(false);
    expect(weAccept(oldSecret, body, { ...base, 'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')}` })).toBe(false);
    expect(weAccept(oldSecret, body, { ...base, 'webhook-signature': 'v1,' })).toBe(false);
  });
});

describe('timestamps', () => {
  const secret = newSecret();
  const at = (skew: number, options?: { toleranceSeconds: number }) => () => verifyWebhook(body, signedHeaders(secret, body, { timestamp: nowSeconds() + skew }), secret, options);

  it('accepts 5 minutes either way, as the reference library does, and refuses more', () => {
    for (const skew of [-295, 0, 295]) {
      expect(at(skew)().type).toBe('order.paid');
      expect(theyAccept(secret, body, signedHeaders(secret, body, { timestamp: nowSeconds() + skew }))).toBe(true);
    }
    for (const skew of [-305, 305, -86_400]) {
      const error = failure(at(skew));
      expect(error.code).toBe('timestamp_out_of_range');
      expect(error.message).toMatch(skew < 0 ? /old/ : /future/);
      expect(theyAccept(secret, body, signedHeaders(secret, body, { timestamp: nowSeconds() + skew }))).toBe(false);
    }
  });

  it('takes another tolerance, and refuses a nonsensical one', () => {
    expect(failure(at(-60, { toleranceSeconds: 30 })).code).toBe('timestamp_out_of_range');
    expect(at(-3000, { toleranceSeconds: 3600 })().id).toBe('evt_1');
    expect(at(0, { toleranceSeconds: 0 })().id).toBe('evt_1');
    expect(at(0, { toleranceSeconds: -1 })).toThrow(TypeError);
    expect(at(0, { toleranceSeconds: Number.NaN })).toThrow(TypeError);
  });

  it('a timestamp that is not whole seconds is refused before any signature is checked', () => {
    for (const timestamp of ['soon', '1.5', '-1', '1e9', `${nowSeconds()}000000`]) {
      const headers = { ...signedHeaders(secret, body), 'webhook-timestamp': timestamp };
      expect(failure(() => verifyWebhook(body, headers, secret)).code).toBe('invalid_timestamp');
    }
  });
});

describe('headers and bodies', () => {
  const secret = newSecret();
  const headers = signedHeaders(secret, body);

  it('reads header names in any case, string[] values, and Fetch Headers', () => {
    const shouting = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toUpperCase(), value]));
    const titled = { 'Webhook-Id': headers['webhook-id'], 'Webhook-Timestamp': [headers['webhook-timestamp']], 'Webhook-Signature': headers['webhook-signature'] };
    for (const given of [shouting, titled, new Headers(headers), new Headers(shouting)]) expect(verifyWebhook(body, given, secret).id).toBe('evt_1');
  });

  it('reads a signature list split over two headers', () => {
    const [first, second] = signedHeaders([newSecret(), secret], body, { timestamp: Number(headers['webhook-timestamp']) })['webhook-signature'].split(' ');
    expect(verifyWebhook(body, { ...headers, 'webhook-signature': [first!, second!] }, secret).id).toBe('evt_1');
    const fetchHeaders = new Headers(headers);
    fetchHeaders.set('webhook-signature', first!);
    fetchHeaders.append('webhook-signature', second!);
    expect(verifyWebhook(body, fetchHeaders, secret).id).toBe('evt_1');
  });

  it('names the missing header', () => {
    for (const name of Object.keys(headers)) {
      const error = failure(() => verifyWebhook(body, { ...headers, [name]: undefined }, secret));
      expect(error.code).toBe('missing_header');
      expect(error.message).toContain(name);
      expect(failure(() => verifyWebhook(body, { ...headers, [name]: '  ' }, secret)).code).toBe('missing_header');
    }
    expect(failure(() => verifyWebhook(body, {}, secret)).code).toBe('missing_header');
  });

  it('a string, a Buffer and a Uint8Array of the same bytes give the same event, Unicode included', () => {
    const unicode = JSON.stringify({ ...orderPaidEvent(), data: { object: { ...orderPaidEvent().data.object, notes: { item: 'चाय — 250 g ☕' } } } });
    const signed = signedHeaders(secret, unicode);
    const fromString = verifyWebhook(unicode, signed, secret);
    const fromBuffer = verifyWebhook(Buffer.from(unicode), signed, secret);
    const fromBytes = verifyWebhook(new TextEncoder().encode(unicode), signed, secret);
    expect(fromBuffer).toEqual(fromString);
    expect(fromBytes).toEqual(fromString);
    expect((fromString as { data: { object: Order } }).data.object.notes.item).toBe('चाय — 250 g ☕');
    expect(theyAccept(secret, unicode, signed)).toBe(true);
  });

  it('a parsed body (a JSON parser ran first) is refused with the reason', () => {
    for (const parsed of [JSON.parse(body), undefined, null, 42]) {
      const error = failure(() => verifyWebhook(parsed, headers, secret));
      expect(error.code).toBe('invalid_body');
      expect(error.message).toMatch(/raw request body/);
    }
  });

  it('the same body re-serialised with other spacing fails, as it should', () => {
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    expect(failure(() => verifyWebhook(pretty, headers, secret)).code).toBe('no_matching_signature');
  });

  it('a genuinely signed body that is not an event is invalid_body', () => {
    for (const payload of ['not json', '[]', '{"id":"evt_1"}', JSON.stringify({ ...orderPaidEvent(), mode: 'prod' }), Buffer.from([0x7b, 0xff, 0x7d])]) {
      expect(failure(() => verifyWebhook(payload, signedHeaders(secret, payload), secret)).code).toBe('invalid_body');
    }
  });
});

describe('secrets', () => {
  it('refuses a malformed secret, or an empty list, without echoing it', () => {
    const good = newSecret();
    const headers = signedHeaders(good, body);
    const malformed = ['', 'whsec_', 'sk_test_abcdefghijklmnop', 'whsec_not base64!', 'whsec_abc', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', [], [good, 'whsec_?'], 42];
    for (const secret of malformed) {
      const error = failure(() => verifyWebhook(body, headers, secret as string));
      expect(error.code).toBe('invalid_secret');
      if (typeof secret === 'string' && secret.length > 8) expect(error.message).not.toContain(secret);
    }
    expect(failure(() => verifyWebhook(body, headers, [good, 'whsec_?'])).message).toMatch(/secret 2 of 2/);
  });

  it('a bad secret is said even when the request is bad too', () => {
    expect(failure(() => verifyWebhook(body, {}, 'whsec_?')).code).toBe('invalid_secret');
  });
});

describe('the error and the event types', () => {
  it('is a KsPayError with its own type and code', () => {
    const error = failure(() => verifyWebhook(body, signedHeaders(newSecret(), body), newSecret()));
    expect(error).toBeInstanceOf(KsPayWebhookVerificationError);
    expect(error).toBeInstanceOf(KsPayError);
    expect(error).toMatchObject({ name: 'KsPayWebhookVerificationError', type: 'webhook_verification_error', code: 'no_matching_signature' });
    expect(error.statusCode).toBeUndefined();
  });

  it('kspay.webhooks.verify is the same check on a client', () => {
    const secret = newSecret();
    const kspay = new KsPay({ secretKey: 'sk_test_x' });
    expect(kspay.webhooks.verify(body, signedHeaders(secret, body), secret)).toEqual(verifyWebhook(body, signedHeaders(secret, body), secret));
    expect(() => kspay.webhooks.verify(body, signedHeaders(secret, body), newSecret())).toThrow(KsPayWebhookVerificationError);
  });

  it('narrows data.object on type', () => {
    const secret = newSecret();
    const refund = JSON.stringify({
      id: 'evt_2',
      type: 'refund.processed',
      created: nowSeconds(),
      mode: 'live',
      data: { object: { id: 'rfnd_1', object: 'refund', payment_id: 'pay_1', order_id: 'ord_1', amount: 100, currency: 'INR', status: 'PROCESSED' } },
    });
    const event: WebhookEvent = verifyWebhook(refund, signedHeaders(secret, refund, { id: 'evt_2' }), secret);
    switch (event.type) {
      case 'refund.processed':
        expectTypeOf(event.data.object).toEqualTypeOf<Refund>();
        expect(event.data.object.payment_id).toBe('pay_1');
        break;
      case 'order.paid':
      case 'order.refunded':
        expectTypeOf(event.data.object).toEqualTypeOf<Order>();
        throw new Error('not this one');
      default:
        throw new Error(`unexpected ${event.type}`);
    }
  });
});
