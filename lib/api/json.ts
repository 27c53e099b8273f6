import type { AppErrorCode } from '@/lib/errors';

/** Every API answer is per-merchant and may carry a key: never stored by a cache. */
const NO_STORE = { 'Cache-Control': 'no-store' };

export type ApiErrorBody = { error: { code: AppErrorCode; message: string; fieldErrors?: Record<string, string[]> } };

export function jsonResponse(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: NO_STORE });
}

export function errorResponse(
  status: number,
  error: { code: AppErrorCode; message: string; fieldErrors?: Record<string, string[]> },
): Response {
  const body: ApiErrorBody = {
    error: { code: error.code, message: error.message, ...(error.fieldErrors && { fieldErrors: error.fieldErrors }) },
  };
  return jsonResponse(body, status);
}

export function withNoStore(response: Response): Response {
  if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
  return response;
}
