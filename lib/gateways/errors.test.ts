import { describe, expect, it } from 'vitest';
import { cashfreeHttpError, cashfreeTransportError } from './cashfree-errors';
import { GatewayError, redact } from './errors';
import { toRazorpayError } from './razorpay-errors';
import type { CashfreeCredentials } from './types';

// Answers the sandbox never gives (403, bodies that are not JSON, odd SDK rejections),
// fed straight into the mappers the adapters use.
const rzpCtx = { keyId: 'rzp_test_AbCdEfGhIjKlMn', secrets: ['TopSecretTopSecret000000'], testModeOnly: true };
const cfCreds: CashfreeCredentials = { clientId: 'TEST123', clientSecret: 'cfsk_ma_test_secret', environment: 'sandbox' };

describe('Razorpay error mapping', () => {
  it('maps Access Denied to invalid_credentials with the public-key explanation', () => {
    const error = toRazorpayError({ statusCode: 403, error: { code: 'BAD_REQUEST_ERROR', description: 'Access Denied' } }, null, rzpCtx);
    expect(error.kind).toBe('invalid_credentials');
    expect(error.explanation).toMatch(/public key/);
  });

  it('maps the docs-table 400 "Authentication failed" like a 401', () => {
    const error = toRazorpayError({ statusCode: 400, error: { code: 'BAD_REQUEST_ERROR', description: 'Authentication failed' } }, null, rzpCtx);
    expect(error.kind).toBe('invalid_credentials');
  });

  it('copes with an SDK rejection that has no error body and with a bare TypeError', () => {
    expect(toRazorpayError({ statusCode: 502, error: undefined }, null, rzpCtx)).toMatchObject({ kind: 'unavailable', gatewayCode: null });
    const typeError = toRazorpayError(new TypeError("Cannot read properties of undefined (reading 'status')"), null, rzpCtx);
    expect(typeError).toBeInstanceOf(GatewayError);
    expect(typeError.kind).toBe('unknown');
    expect(typeError.message).not.toMatch(/Cannot read/);
  });

  it('scrubs the key secret out of an echoed description', () => {
    const error = toRazorpayError({ statusCode: 400, error: { description: `bad value ${rzpCtx.secrets[0]}`, field: 'notes.x' } }, null, rzpCtx);
    expect(error).toMatchObject({ kind: 'invalid_request', field: 'notes', gatewayMessage: 'bad value [redacted]' });
    expect(JSON.stringify(error)).not.toContain(rzpCtx.secrets[0]);
  });
});

describe('Cashfree error mapping', () => {
  it('maps 403 to invalid_credentials and an unknown status to unknown', () => {
    expect(cashfreeHttpError(403, { message: 'Access Denied' }, cfCreds).explanation).toMatch(/public key/);
    expect(cashfreeHttpError(302, null, cfCreds).kind).toBe('unknown');
  });

  it('reads the field from the error code when the message does not name it', () => {
    const error = cashfreeHttpError(400, { message: 'bad', code: 'customer_details.customer_phone_missing' }, cfCreds);
    expect(error).toMatchObject({ kind: 'invalid_request', field: 'customer.phone' });
  });

  it('tells a timeout from a refused connection', () => {
    expect(cashfreeTransportError(new DOMException('timed out', 'TimeoutError')).explanation).toMatch(/in time/);
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(cashfreeTransportError(refused)).toMatchObject({ kind: 'unavailable', gatewayCode: 'ECONNREFUSED' });
  });
});

describe('redact', () => {
  it('replaces every occurrence and ignores secrets too short to be meaningful', () => {
    expect(redact('a-SECRET-b-SECRET', ['SECRET'])).toBe('a-[redacted]-b-[redacted]');
    expect(redact('abc', ['b'])).toBe('abc');
  });
});
