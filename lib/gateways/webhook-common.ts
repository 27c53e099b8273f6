import { GatewayError } from './errors';
import { safeEqual } from './signatures';
import type { GatewayName, WebhookVerification } from './types';

/** Checks the received signature against each candidate secret (several during a rotation). */
export function verifyWithSecrets(
  secrets: readonly string[],
  received: string,
  sign: (secret: string) => string,
): WebhookVerification {
  let match = -1;
  // No early exit: every secret is checked, so timing does not reveal which one matched.
  secrets.forEach((secret, index) => {
    if (safeEqual(sign(secret), received) && match === -1) match = index;
  });
  return match >= 0 ? { valid: true, secretIndex: match } : { valid: false, reason: 'signature_mismatch' };
}

export function malformedEvent(gateway: GatewayName, detail: string): GatewayError {
  return new GatewayError({
    gateway,
    kind: 'invalid_request',
    field: 'body',
    gatewayMessage: detail,
    explanation: `The webhook body is not a ${gateway === 'razorpay' ? 'Razorpay' : 'Cashfree'} event we understand.`,
  });
}

export function parseJson(gateway: GatewayName, rawBody: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch {
    throw malformedEvent(gateway, 'body is not JSON');
  }
}
