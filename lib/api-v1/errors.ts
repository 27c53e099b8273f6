import { AppError, type AppErrorCode, describeForLog } from '@/lib/errors';
import { isGatewayError } from '@/lib/gateways/errors';
import { log } from '@/lib/log';

export type ApiErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'idempotency_error'
  | 'rate_limit_error'
  | 'gateway_error'
  | 'api_error';

/** An error of the merchant API, shown to the integrator as it is: `{ error: { type, code, message, param? } }`. */
export class ApiV1Error extends Error {
  constructor(
    readonly status: number,
    readonly type: ApiErrorType,
    readonly code: string,
    message: string,
    readonly param?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiV1Error';
  }
}

const fromAppError: Record<AppErrorCode, { type: ApiErrorType; code: string }> = {
  bad_request: { type: 'invalid_request_error', code: 'parameter_invalid' },
  unauthorized: { type: 'authentication_error', code: 'api_key_invalid' },
  forbidden: { type: 'permission_error', code: 'forbidden' },
  not_found: { type: 'invalid_request_error', code: 'resource_missing' },
  conflict: { type: 'invalid_request_error', code: 'conflict' },
  payload_too_large: { type: 'invalid_request_error', code: 'body_too_large' },
  rate_limited: { type: 'rate_limit_error', code: 'rate_limited' },
  unavailable: { type: 'api_error', code: 'unavailable' },
  internal: { type: 'api_error', code: 'internal' },
};

/** Any thrown value as the API's error; unknown ones are logged and say nothing of our insides. */
export function toApiV1Error(error: unknown, context: Record<string, unknown>): ApiV1Error {
  if (error instanceof ApiV1Error) return error;
  if (error instanceof AppError) {
    const { type, code } = fromAppError[error.code];
    const param = error.fieldErrors ? Object.keys(error.fieldErrors)[0] : undefined;
    return new ApiV1Error(error.status, type, code, error.message, param);
  }
  if (isGatewayError(error)) {
    // The gateway refused our input (a field) → 400; it is down or limiting us → 503; else 502.
    const status = error.kind === 'invalid_request' ? 400 : error.retryable ? 503 : 502;
    const type = error.kind === 'invalid_request' ? 'invalid_request_error' : 'gateway_error';
    return new ApiV1Error(status, type, `gateway_${error.kind}`, error.explanation, error.field ?? undefined);
  }
  log.error({ event: 'api_v1.unhandled_error', ...context, ...describeForLog(error) });
  return new ApiV1Error(500, 'api_error', 'internal', 'Something went wrong on our side. Retry the request; if it keeps failing, quote the request_id to KS Pay support.');
}

export function errorBody(error: ApiV1Error, requestId: string) {
  return {
    error: { type: error.type, code: error.code, message: error.message, ...(error.param ? { param: error.param } : {}) },
    request_id: requestId,
  };
}
