/** What the API says went wrong: `{ "error": { type, code, message, param? }, "request_id" }`. */
export type ApiErrorBody = {
  type: string;
  code: string;
  message: string;
  param?: string;
};

type ErrorInit = {
  message: string;
  type?: string;
  code?: string;
  param?: string;
  statusCode?: number;
  requestId?: string;
  headers?: Headers;
  cause?: unknown;
};

/** Every error this package throws. `type`, `code` and `requestId` come from the API when it answered. */
export class KsPayError extends Error {
  readonly type: string;
  readonly code: string;
  readonly param: string | undefined;
  readonly statusCode: number | undefined;
  /** Quote it to KS Pay support: it names this request in our logs. */
  readonly requestId: string | undefined;
  readonly headers: Headers | undefined;

  constructor(init: ErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.type = init.type ?? 'api_error';
    this.code = init.code ?? 'unknown';
    this.param = init.param;
    this.statusCode = init.statusCode;
    this.requestId = init.requestId;
    this.headers = init.headers;
  }
}

/** 400 or 422: a field is missing or wrong (`param` names it). Fix the request; retrying will not help. */
export class InvalidRequestError extends KsPayError {}
/** 401: the secret key is missing, malformed, wrong, revoked or expired. */
export class AuthenticationError extends KsPayError {}
/** 403: the key may not do this (e.g. a test key for a live app, an app not verified yet). */
export class PermissionError extends KsPayError {}
/** 404: no such object for this app and mode. */
export class NotFoundError extends KsPayError {}
/** 409 or 422 `idempotency_error`: the Idempotency-Key was used for another request, or is still running. */
export class IdempotencyError extends KsPayError {}
/** 429: too many requests; retried automatically, thrown once retries are spent. */
export class RateLimitError extends KsPayError {}
/** 5xx: KS Pay or the payment gateway failed; retried automatically, thrown once retries are spent. */
export class ApiError extends KsPayError {}
/** No answer: the network failed or the request timed out. */
export class ConnectionError extends KsPayError {}
/** The request took longer than `timeoutMs`. */
export class TimeoutError extends ConnectionError {}

/** The error for an API answer that is not 2xx. */
export function errorFromResponse(status: number, body: unknown, headers: Headers): KsPayError {
  const parsed = parseErrorBody(body);
  const init: ErrorInit = {
    message: parsed.error?.message ?? `KS Pay answered ${status} without an error body`,
    type: parsed.error?.type,
    code: parsed.error?.code,
    param: parsed.error?.param,
    statusCode: status,
    requestId: parsed.requestId ?? headers.get('request-id') ?? undefined,
    headers,
  };
  if (init.code === 'idempotency_error' || (status === 409 && init.type === 'idempotency_error')) return new IdempotencyError(init);
  if (status === 400 || status === 422) return new InvalidRequestError(init);
  if (status === 401) return new AuthenticationError(init);
  if (status === 403) return new PermissionError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 409) return new IdempotencyError(init);
  if (status === 429) return new RateLimitError(init);
  return new ApiError(init);
}

function parseErrorBody(body: unknown): { error?: Partial<ApiErrorBody>; requestId?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const { error, request_id } = body as { error?: unknown; request_id?: unknown };
  const requestId = typeof request_id === 'string' ? request_id : undefined;
  if (typeof error !== 'object' || error === null) return { requestId };
  const pick = (key: keyof ApiErrorBody) => {
    const value = (error as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : undefined;
  };
  return { error: { type: pick('type'), code: pick('code'), message: pick('message'), param: pick('param') }, requestId };
}

export type WebhookVerificationErrorCode =
  | 'invalid_secret'
  | 'invalid_body'
  | 'missing_header'
  | 'invalid_timestamp'
  | 'timestamp_out_of_range'
  | 'no_matching_signature';

/** A webhook that is not provably from KS Pay, or a receiver set up wrongly. Answer 400 and do nothing. */
export class KsPayWebhookVerificationError extends KsPayError {
  declare readonly code: WebhookVerificationErrorCode;

  constructor(code: WebhookVerificationErrorCode, message: string) {
    super({ type: 'webhook_verification_error', code, message });
  }
}
