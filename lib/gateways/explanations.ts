import type { GatewayName } from './types';

// Plain words for merchants, following the troubleshooting table in the gateway docs.

const GATEWAY_LABEL: Record<GatewayName, string> = { razorpay: 'Razorpay', cashfree: 'Cashfree' };

const FIELD_LABEL: Record<string, string> = {
  amount: 'amount',
  currency: 'currency',
  receipt: 'order reference (receipt)',
  notes: 'notes',
  'customer.id': 'customer id',
  'customer.phone': 'customer phone number',
  'customer.email': 'customer email',
  'customer.name': 'customer name',
  notifyUrl: 'webhook (notify) URL',
  returnUrl: 'return URL',
};

export function explainInvalidCredentials(gateway: GatewayName, hint: string | null): string {
  const base =
    gateway === 'razorpay'
      ? 'Razorpay did not accept the Key ID and Key Secret (Invalid API Key). Check that both come from the same key pair and the same mode: test keys (rzp_test_…) work only in Test Mode, live keys (rzp_live_…) only in Live Mode.'
      : 'Cashfree did not accept the Client ID and Client Secret. Sandbox and Production have separate credentials: check that both were copied in full and belong to the environment you picked.';
  return hint ? `${hint} ${base}` : base;
}

export function explainAccessDenied(gateway: GatewayName): string {
  return `${GATEWAY_LABEL[gateway]} denied access. This happens when a required header is missing or a public key is used for a backend operation: use the secret credentials on the server only.`;
}

export function explainInvalidRequest(gateway: GatewayName, field: string | null, message: string | null): string {
  const said = message ? ` ${GATEWAY_LABEL[gateway]} said: "${message}"` : '';
  if (!field) return `${GATEWAY_LABEL[gateway]} rejected the request.${said}`;
  return `${GATEWAY_LABEL[gateway]} rejected the ${FIELD_LABEL[field] ?? field}.${said}`;
}

export function explainRateLimited(gateway: GatewayName): string {
  return `${GATEWAY_LABEL[gateway]} is receiving too many requests from this account right now. Wait a minute and try again.`;
}

export type UnavailableCause = 'timeout' | 'network' | 'server';

export function explainUnavailable(gateway: GatewayName, cause: UnavailableCause): string {
  const what = {
    timeout: 'did not answer in time',
    network: 'could not be reached',
    server: 'had an internal problem',
  }[cause];
  return `${GATEWAY_LABEL[gateway]} ${what}. This is usually temporary: try again in a few minutes.`;
}

export function explainUnknown(gateway: GatewayName, httpStatus: number | null): string {
  const status = httpStatus ? ` (HTTP ${httpStatus})` : '';
  return `${GATEWAY_LABEL[gateway]} gave an unexpected answer${status}. Try again; if it keeps happening, contact support with the time of the attempt.`;
}
