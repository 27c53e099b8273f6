import type { ApiErrorBody } from './json';

/** A failed call to one of our route handlers, carrying the message the server chose to show. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

const UNREACHABLE = 'Could not reach KS Pay. Check your connection and try again.';
const UNEXPECTED = 'Something went wrong on our side. Please try again.';

/** For the browser: calls a route handler and returns its JSON, or throws an ApiRequestError. */
export async function fetchJson<T>(url: string, init: { method?: 'GET' | 'POST'; json?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: init.json === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiRequestError(0, 'network', UNREACHABLE);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as Partial<ApiErrorBody> | null)?.error;
    throw new ApiRequestError(response.status, error?.code ?? 'internal', error?.message ?? UNEXPECTED);
  }
  return body as T;
}
