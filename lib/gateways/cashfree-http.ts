import { randomUUID } from 'node:crypto';
import { cashfreeHttpError, cashfreeTransportError } from './cashfree-errors';
import { GatewayError } from './errors';
import { explainUnknown } from './explanations';
import { parseRetryAfter } from './retry';
import type { CashfreeCredentials } from './types';

export const CASHFREE_API_VERSION = '2025-01-01';

export interface CashfreeRequest {
  baseUrl: string;
  credentials: CashfreeCredentials;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  idempotencyKey?: string;
  timeoutMs: number;
}

export interface CashfreeFailure {
  error: GatewayError;
  retryAfterMs: number | null;
}

export type CashfreeResult = { ok: true; json: unknown } | ({ ok: false } & CashfreeFailure);

/** One HTTP call; never throws, so the caller decides about retries. */
export async function cashfreeRequest(req: CashfreeRequest): Promise<CashfreeResult> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'x-client-id': req.credentials.clientId,
    'x-client-secret': req.credentials.clientSecret,
    'x-api-version': CASHFREE_API_VERSION,
    'x-request-id': randomUUID(),
  };
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  if (req.idempotencyKey) headers['x-idempotency-key'] = req.idempotencyKey;
  let status: number;
  let text: string;
  let retryAfter: string | null;
  try {
    const res = await fetch(`${req.baseUrl}${req.path}`, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: AbortSignal.timeout(req.timeoutMs),
    });
    status = res.status;
    retryAfter = res.headers.get('retry-after');
    text = await res.text();
  } catch (caught) {
    return { ok: false, error: cashfreeTransportError(caught), retryAfterMs: null };
  }
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Proxies answer 502/503 with HTML; the status alone decides below.
  }
  if (status >= 200 && status < 300) {
    if (json !== null) return { ok: true, json };
    const error = new GatewayError({ gateway: 'cashfree', kind: 'unknown', httpStatus: status, explanation: explainUnknown('cashfree', status) });
    return { ok: false, error, retryAfterMs: null };
  }
  return { ok: false, error: cashfreeHttpError(status, json, req.credentials), retryAfterMs: parseRetryAfter(retryAfter) };
}
