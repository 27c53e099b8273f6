import { GatewayError, redactDetails, type GatewayErrorDetails } from './errors';
import {
  explainAccessDenied,
  explainInvalidCredentials,
  explainInvalidRequest,
  explainRateLimited,
  explainUnavailable,
  explainUnknown,
  type UnavailableCause,
} from './explanations';
import type { CashfreeCredentials } from './types';

// Cashfree names fields in its messages ("order_amount : must be …") and codes
// ("customer_details.customer_phone_missing"); we report our own input names.
const FIELD: Record<string, string> = {
  order_amount: 'amount',
  order_currency: 'currency',
  order_id: 'receipt',
  order_tags: 'notes',
  customer_details: 'customer',
  'customer_details.customer_id': 'customer.id',
  'customer_details.customer_phone': 'customer.phone',
  'customer_details.customer_email': 'customer.email',
  'customer_details.customer_name': 'customer.name',
  'order_meta.notify_url': 'notifyUrl',
  'order_meta.return_url': 'returnUrl',
};

interface CashfreeErrorBody {
  message?: string;
  code?: string;
  type?: string;
}

export function cashfreeErrorBody(json: unknown): CashfreeErrorBody {
  if (typeof json !== 'object' || json === null) return {};
  const v = json as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  return { message: str(v.message), code: str(v.code), type: str(v.type) };
}

function fieldOf(body: CashfreeErrorBody): string | null {
  const fromMessage = /^([\w.[\]-]+)\s:/.exec(body.message ?? '')?.[1];
  const fromCode = /^([\w.]+?)_(missing|invalid|required)$/.exec(body.code ?? '')?.[1];
  const raw = fromMessage ?? fromCode;
  if (!raw) return body.code === 'order_already_exists' ? 'receipt' : null;
  return FIELD[raw] ?? FIELD[raw.replace(/\[\d+\]$/, '')] ?? raw;
}

function credentialHint(credentials: CashfreeCredentials): string | null {
  const testId = credentials.clientId.startsWith('TEST');
  if (credentials.environment === 'production' && testId) {
    return 'This Client ID is a Sandbox (test) credential, but Production is selected.';
  }
  if (credentials.environment === 'sandbox' && !testId) {
    return 'This Client ID looks like a Production credential, but Sandbox is selected.';
  }
  return null;
}

export function cashfreeHttpError(status: number, json: unknown, credentials: CashfreeCredentials): GatewayError {
  const body = cashfreeErrorBody(json);
  const common = { gateway: 'cashfree' as const, httpStatus: status, gatewayCode: body.code ?? null, gatewayMessage: body.message ?? null };
  let details: GatewayErrorDetails;
  if (status === 403 || /access denied/i.test(body.message ?? '')) {
    details = { ...common, kind: 'invalid_credentials', explanation: explainAccessDenied('cashfree') };
  } else if (status === 401 || body.type === 'authentication_error') {
    details = { ...common, kind: 'invalid_credentials', explanation: explainInvalidCredentials('cashfree', credentialHint(credentials)) };
  } else if (status === 429 || body.type === 'rate_limit_error') {
    details = { ...common, kind: 'rate_limited', explanation: explainRateLimited('cashfree') };
  } else if (status >= 500) {
    details = { ...common, kind: 'unavailable', explanation: explainUnavailable('cashfree', 'server') };
  } else if (status >= 400) {
    const field = fieldOf(body);
    details = { ...common, kind: 'invalid_request', field, explanation: explainInvalidRequest('cashfree', field, body.message ?? null) };
  } else {
    details = { ...common, kind: 'unknown', explanation: explainUnknown('cashfree', status) };
  }
  return new GatewayError(redactDetails(details, [credentials.clientSecret]));
}

export function cashfreeTransportError(caught: unknown): GatewayError {
  const e = caught as { name?: unknown; cause?: { code?: unknown } } | null;
  const timedOut = e?.name === 'TimeoutError' || e?.name === 'AbortError';
  const cause: UnavailableCause = timedOut ? 'timeout' : 'network';
  const code = typeof e?.cause?.code === 'string' ? e.cause.code : timedOut ? 'TIMEOUT' : null;
  return new GatewayError({ gateway: 'cashfree', kind: 'unavailable', gatewayCode: code, explanation: explainUnavailable('cashfree', cause) });
}
