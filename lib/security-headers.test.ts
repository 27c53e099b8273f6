import { describe, expect, it } from 'vitest';
import { newNonce, pageSecurityHeaders } from './security-headers';

describe('pageSecurityHeaders', () => {
  it('over https: a nonce-only script policy, HSTS, COOP and upgraded requests', () => {
    const headers = pageSecurityHeaders({ nonce: 'abc123==', https: true, dev: false });
    expect(headers['Content-Security-Policy']).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic';");
    expect(headers['Content-Security-Policy']).toContain('upgrade-insecure-requests');
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(headers['Content-Security-Policy']).toContain("object-src 'none'");
    expect(headers['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin');
  });

  it('over http (local): no HSTS, no COOP, no upgrade; eval only for the dev server', () => {
    const local = pageSecurityHeaders({ nonce: 'n', https: false, dev: false });
    expect(Object.keys(local)).toEqual(['Content-Security-Policy']);
    expect(local['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
    expect(local['Content-Security-Policy']).not.toContain('unsafe-eval');
    expect(pageSecurityHeaders({ nonce: 'n', https: false, dev: true })['Content-Security-Policy']).toContain("'unsafe-eval'");
  });

  it('lets only the hosted checkout with real gateways reach their checkout origins', () => {
    const plain = pageSecurityHeaders({ nonce: 'n', https: true, dev: false })['Content-Security-Policy']!;
    expect(plain).not.toContain('razorpay');
    expect(plain).not.toContain('frame-src');
    const checkout = pageSecurityHeaders({ nonce: 'n', https: true, dev: false, gatewayCheckout: true })['Content-Security-Policy']!;
    expect(checkout).toContain('frame-src https://checkout.razorpay.com https://api.razorpay.com https://sdk.cashfree.com https://*.cashfree.com');
    expect(checkout).toContain("connect-src 'self' https://checkout.razorpay.com");
    expect(checkout).toContain("frame-ancestors 'none'");
  });

  it('nonces are 128-bit and new every time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});
