/**
 * Per-response security headers for pages. Scripts run only with this response's nonce
 * ('strict-dynamic' lets Next's own chunks load what they need); inline style attributes stay
 * allowed because Radix and sonner position elements with them.
 */
export function pageSecurityHeaders(params: { nonce: string; https: boolean; dev: boolean; gatewayCheckout?: boolean }): Record<string, string> {
  // The hosted checkout with the real gateways opens their checkout (a script, frames, calls).
  const gateways = params.gatewayCheckout ? ` ${GATEWAY_CHECKOUT_ORIGINS.join(' ')}` : '';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${params.nonce}' 'strict-dynamic'${params.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${gateways}`,
    "font-src 'self'",
    `connect-src 'self'${gateways}`,
    ...(params.gatewayCheckout ? [`frame-src${gateways}`] : []),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(params.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    ...(params.https && {
      'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
      'Cross-Origin-Opener-Policy': 'same-origin',
    }),
  };
}

const GATEWAY_CHECKOUT_ORIGINS = ['https://checkout.razorpay.com', 'https://api.razorpay.com', 'https://sdk.cashfree.com', 'https://*.cashfree.com'];

/** 128 random bits, base64: unguessable and new for every page response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
