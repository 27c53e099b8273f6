import { DrizzleQueryError } from 'drizzle-orm/errors';
import { log } from './log';

export type AppErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

const httpStatus: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** An error whose message is safe to show to the user. Anything else becomes a generic message. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status() {
    return httpStatus[this.code];
  }
}

export const GENERIC_ERROR_MESSAGE = 'Something went wrong on our side. Please try again.';

/** The user-facing shape of any error; unknown errors are logged and replaced by a generic message. */
export function toPublicError(error: unknown, context: Record<string, unknown> = {}) {
  if (error instanceof AppError) {
    return { code: error.code, status: error.status, message: error.message, fieldErrors: error.fieldErrors };
  }
  log.error({ event: 'unhandled_error', ...context, ...describeForLog(error) });
  return { code: 'internal' as const, status: 500, message: GENERIC_ERROR_MESSAGE, fieldErrors: undefined };
}

/**
 * What an unexpected error may say in the logs. A failed query's message and stack carry its
 * parameters (password hashes, sealed secrets, customer details): log the SQL and the driver's
 * own error instead.
 */
export function describeForLog(error: unknown) {
  if (error instanceof DrizzleQueryError) {
    const cause = error.cause as (Error & { code?: string }) | undefined;
    return { name: 'DrizzleQueryError', query: error.query, code: cause?.code, message: cause?.message, stack: cause?.stack };
  }
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: typeof error, message: String(error) };
}
