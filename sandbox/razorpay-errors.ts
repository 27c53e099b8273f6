import { fail, json, type Reply } from './http';

interface ErrorExtra {
  code?: 'BAD_REQUEST_ERROR' | 'GATEWAY_ERROR' | 'SERVER_ERROR';
  field?: string;
  reason?: string;
}

/** Razorpay's error envelope: `{ error: { code, description, source, step, reason, metadata, field } }`. */
export function rzpError(status: number, description: string, extra: ErrorExtra = {}): Reply {
  const validation = extra.field !== undefined || extra.reason !== undefined;
  return json(status, {
    error: {
      code: extra.code ?? 'BAD_REQUEST_ERROR',
      description,
      source: validation ? 'business' : 'NA',
      step: validation ? 'payment_initiation' : 'NA',
      reason: extra.reason ?? (validation ? 'input_validation_failed' : 'NA'),
      metadata: {},
      ...(extra.field !== undefined ? { field: extra.field } : {}),
    },
  });
}

export const rzpAuthFailed = () => rzpError(401, 'Authentication failed');
export const rzpNotFound = () => rzpError(400, 'The id provided does not exist', { field: 'id' });
export function rzpInvalid(description: string, field: string, reason?: string): never {
  return fail(rzpError(400, description, { field, ...(reason ? { reason } : {}) }));
}
