import { fail, json, type Reply } from './http';

export type CfErrorType = 'invalid_request_error' | 'authentication_error' | 'idempotency_error' | 'rate_limit_error' | 'api_error';

/** Cashfree's error body: `{ message, code, type }`. */
export function cfError(status: number, message: string, code: string, type: CfErrorType = 'invalid_request_error'): Reply {
  return json(status, { message, code, type });
}

export const cfAuthFailed = () => cfError(401, 'authentication Failed', 'request_failed', 'authentication_error');

/** A field-level validation failure, worded `field : problem` as Cashfree does. */
export function cfInvalid(field: string, problem: string, suffix: 'missing' | 'invalid' = 'invalid'): never {
  return fail(cfError(400, `${field} : ${problem}`, `${field}_${suffix}`));
}

export function cfMissing(field: string): never {
  return cfInvalid(field, 'is missing in the request', 'missing');
}
