import { createHmac, timingSafeEqual } from 'node:crypto';

// Pure signing helpers, shared by the adapters' verifiers and the sandbox's signer.

export function hmacSha256(secret: string, data: string, encoding: 'hex' | 'base64'): string {
  return createHmac('sha256', secret).update(data, 'utf8').digest(encoding);
}

/** Constant-time string comparison; unequal lengths return false instead of throwing. */
export function safeEqual(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

/** `X-Razorpay-Signature`: hex HMAC-SHA256 of the raw body with the webhook secret. */
export function razorpayWebhookSignature(rawBody: string, webhookSecret: string): string {
  return hmacSha256(webhookSecret, rawBody, 'hex');
}

/** `x-webhook-signature`: base64 HMAC-SHA256 of timestamp + raw body with the client secret. */
export function cashfreeWebhookSignature(timestamp: string, rawBody: string, clientSecret: string): string {
  return hmacSha256(clientSecret, timestamp + rawBody, 'base64');
}

/** Razorpay checkout: hex HMAC-SHA256 of `order_id|payment_id` with the key secret. */
export function razorpayCheckoutSignature(orderId: string, paymentId: string, keySecret: string): string {
  return hmacSha256(keySecret, `${orderId}|${paymentId}`, 'hex');
}
