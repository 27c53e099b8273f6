import { GatewayError, redactDetails, type GatewayErrorDetails } from './errors';
import {
  explainAccessDenied,
  explainInvalidCredentials,
  explainInvalidRequest,
  explainRateLimited,
  explainUnavailable,
  explainUnknown,
} from './explanations';
import type { TransportFailure } from './razorpay-client';

export interface RazorpayErrorContext {
  keyId: string;
  secrets: readonly string[];
  /** True when talking to the sandbox, which (like Razorpay test mode) refuses live keys. */
  testModeOnly: boolean;
}

interface RazorpayErrorBody {
  code?: string;
  description?: string;
  field?: string | null;
  reason?: string | null;
}

function isHttpFailure(value: unknown): value is { statusCode: number | string; error?: unknown } {
  return typeof value === 'object' && value !== null && 'statusCode' in value;
}

function errorBody(value: unknown): RazorpayErrorBody {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  return { code: str(v.code), description: str(v.description), field: str(v.field), reason: str(v.reason) };
}

function credentialHint(ctx: RazorpayErrorContext): string | null {
  if (!/^rzp_(test|live)_/.test(ctx.keyId)) return 'The Key ID should start with rzp_test_ or rzp_live_.';
  if (ctx.testModeOnly && ctx.keyId.startsWith('rzp_live_')) {
    return 'This is a live-mode key (rzp_live_…), but payments here run in test mode: use your test keys.';
  }
  return null;
}

function ourField(body: RazorpayErrorBody): string | null {
  const field = body.field ?? (/receipt/i.test(body.description ?? '') ? 'receipt' : null);
  if (!field) return null;
  return field.startsWith('notes') ? 'notes' : field;
}

function fromHttp(status: number, body: RazorpayErrorBody, ctx: RazorpayErrorContext): GatewayErrorDetails {
  const common = { gateway: 'razorpay' as const, httpStatus: status, gatewayCode: body.code ?? null, gatewayMessage: body.description ?? null };
  const text = body.description ?? '';
  if (status === 403 || /access denied/i.test(text)) {
    return { ...common, kind: 'invalid_credentials', explanation: explainAccessDenied('razorpay') };
  }
  if (status === 401 || /authentication failed|api key/i.test(text)) {
    return { ...common, kind: 'invalid_credentials', explanation: explainInvalidCredentials('razorpay', credentialHint(ctx)) };
  }
  if (status === 429) return { ...common, kind: 'rate_limited', explanation: explainRateLimited('razorpay') };
  if (status >= 500) return { ...common, kind: 'unavailable', explanation: explainUnavailable('razorpay', 'server') };
  if (status >= 400) {
    const field = ourField(body);
    return { ...common, kind: 'invalid_request', field, explanation: explainInvalidRequest('razorpay', field, body.description ?? null) };
  }
  return { ...common, kind: 'unknown', explanation: explainUnknown('razorpay', status) };
}

/** Maps anything the SDK threw or rejected with to one GatewayError, scrubbed of secrets. */
export function toRazorpayError(caught: unknown, transport: TransportFailure | null, ctx: RazorpayErrorContext): GatewayError {
  if (caught instanceof GatewayError) return caught;
  let details: GatewayErrorDetails;
  if (isHttpFailure(caught) && Number.isFinite(Number(caught.statusCode))) {
    details = fromHttp(Number(caught.statusCode), errorBody(caught.error), ctx);
  } else if (transport) {
    details = {
      gateway: 'razorpay',
      kind: 'unavailable',
      gatewayCode: transport.code,
      explanation: explainUnavailable('razorpay', transport.timedOut ? 'timeout' : 'network'),
    };
  } else {
    details = { gateway: 'razorpay', kind: 'unknown', explanation: explainUnknown('razorpay', null) };
  }
  return new GatewayError(redactDetails(details, ctx.secrets));
}
