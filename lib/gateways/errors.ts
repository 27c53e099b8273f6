import type { GatewayName } from './types';

export type GatewayErrorKind = 'invalid_credentials' | 'invalid_request' | 'rate_limited' | 'unavailable' | 'unknown';

export interface GatewayErrorDetails {
  gateway: GatewayName;
  kind: GatewayErrorKind;
  /** Our input field that was rejected (`amount`, `receipt`, `customer.phone`, …), for invalid_request. */
  field?: string | null;
  gatewayCode?: string | null;
  gatewayMessage?: string | null;
  httpStatus?: number | null;
  /** Plain words for the merchant: what went wrong and what to do. */
  explanation: string;
}

/** The only error the gateway layer throws. It never carries an SDK error object or a secret. */
export class GatewayError extends Error {
  readonly gateway: GatewayName;
  readonly kind: GatewayErrorKind;
  readonly field: string | null;
  readonly gatewayCode: string | null;
  readonly gatewayMessage: string | null;
  readonly httpStatus: number | null;
  readonly explanation: string;

  constructor(details: GatewayErrorDetails) {
    const suffix = details.gatewayMessage ? `: ${details.gatewayMessage}` : '';
    super(`${details.gateway} ${details.kind}${suffix}`);
    this.name = 'GatewayError';
    this.gateway = details.gateway;
    this.kind = details.kind;
    this.field = details.field ?? null;
    this.gatewayCode = details.gatewayCode ?? null;
    this.gatewayMessage = details.gatewayMessage ?? null;
    this.httpStatus = details.httpStatus ?? null;
    this.explanation = details.explanation;
  }

  /** Rate limits and outages are worth retrying later; the rest need a change first. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'unavailable';
  }

  toJSON() {
    return {
      name: this.name,
      gateway: this.gateway,
      kind: this.kind,
      field: this.field,
      gatewayCode: this.gatewayCode,
      gatewayMessage: this.gatewayMessage,
      httpStatus: this.httpStatus,
      explanation: this.explanation,
      message: this.message,
    };
  }
}

export function isGatewayError(value: unknown): value is GatewayError {
  return value instanceof GatewayError;
}

/** Replaces every occurrence of each secret; gateways sometimes echo request values in messages. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

export function redactDetails(details: GatewayErrorDetails, secrets: readonly string[]): GatewayErrorDetails {
  const clean = (s: string | null | undefined) => (s == null ? s : redact(s, secrets));
  return {
    ...details,
    field: clean(details.field),
    gatewayCode: clean(details.gatewayCode),
    gatewayMessage: clean(details.gatewayMessage),
    explanation: redact(details.explanation, secrets),
  };
}
