import * as z from 'zod/v4/core';
import { type Db, getDb } from '@/db';
import { readLimitedText } from '@/lib/api/read-limited-text';
import { randomBase62 } from '@/lib/ids';
import { controlCharacterErrors } from '@/lib/validations/control-characters';
import { authenticateRequest, type SecretKeyCaller } from './authenticate-request';
import { ApiV1Error, errorBody, toApiV1Error } from './errors';
import { readIdempotencyKey, requestHash, type Stored, withIdempotency } from './idempotency';
import { enforceRateLimit } from './rate-limit';

const MAX_BODY_BYTES = 16 * 1024;

export type ApiContext<P> = {
  db: Db;
  caller: SecretKeyCaller;
  params: P;
  url: URL;
  requestId: string;
  /** The JSON body checked against `schema`; a bad one is a 400 naming the field. */
  body<S extends z.$ZodType>(schema: S): z.output<S>;
  /** The query string checked against `schema`. */
  query<S extends z.$ZodType>(schema: S): z.output<S>;
};

export type ApiAnswer = { status?: number; body: unknown };

/**
 * One merchant-API endpoint: request id, secret-key auth with the mode check, the per-key rate
 * limit, the body read within a cap, Idempotency-Key on POST, one error shape, never a stack.
 */
export function apiRoute<P>(handle: (ctx: ApiContext<P>) => Promise<ApiAnswer>) {
  return async (request: Request, segment: { params: Promise<P> }): Promise<Response> => {
    const requestId = `req_${randomBase62(20)}`;
    const url = new URL(request.url);
    try {
      const db = await getDb();
      const caller = await authenticateRequest(db, request);
      // What an Idempotency-Key claim needs is read before the rate limit, so that the two go in one
      // statement; a bad body or key is refused after the limit, which counts every request.
      let rawBody = '';
      let key: string | null = null;
      let refused: unknown = null;
      if (request.method === 'POST') {
        try {
          rawBody = await readLimitedText(request, MAX_BODY_BYTES);
          key = readIdempotencyKey(request);
        } catch (error) {
          refused = error;
        }
      }
      const ctx: ApiContext<P> = {
        db,
        caller,
        params: await segment.params,
        url,
        requestId,
        body: (schema) => parse(schema, parseJson(rawBody), 'body'),
        query: (schema) => parse(schema, Object.fromEntries(url.searchParams), 'query'),
      };
      const execute = () => run(handle, ctx);
      if (!key || refused) {
        await enforceRateLimit(db, { keyId: caller.keyId });
        if (refused) throw refused;
        return respond(await execute(), requestId);
      }
      const scope = { appId: caller.appId, mode: caller.mode, key, requestHash: requestHash(request.method, url.pathname, rawBody) };
      const answer = await withIdempotency(db, scope, execute, { rateLimitKeyId: caller.keyId });
      return respond(answer, requestId, answer.replayed ? { 'Idempotent-Replayed': 'true' } : {});
    } catch (error) {
      const apiError = toApiV1Error(error, { requestId, path: url.pathname });
      return respond({ status: apiError.status, body: JSON.stringify(errorBody(apiError, requestId)) }, requestId, apiError.headers);
    }
  };
}

/** The handler's answer or its error, as the bytes to send (and to store for a replay). */
async function run<P>(handle: (ctx: ApiContext<P>) => Promise<ApiAnswer>, ctx: ApiContext<P>): Promise<Stored> {
  try {
    const answer = await handle(ctx);
    return { status: answer.status ?? 200, body: JSON.stringify(answer.body) };
  } catch (error) {
    const apiError = toApiV1Error(error, { requestId: ctx.requestId, path: ctx.url.pathname });
    if (apiError.status >= 500) throw apiError;
    return { status: apiError.status, body: JSON.stringify(errorBody(apiError, ctx.requestId)) };
  }
}

function respond(answer: Stored, requestId: string, headers: Record<string, string> = {}) {
  return new Response(answer.body, {
    status: answer.status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Request-Id': requestId, ...headers },
  });
}

function parseJson(text: string): unknown {
  if (!text.trim()) throw new ApiV1Error(400, 'invalid_request_error', 'body_missing', 'The request needs a JSON body.');
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiV1Error(400, 'invalid_request_error', 'body_not_json', 'The request body must be JSON (Content-Type: application/json).');
  }
}

function parse<S extends z.$ZodType>(schema: S, input: unknown, where: 'body' | 'query'): z.output<S> {
  const control = controlCharacterErrors(input);
  if (control) {
    const [param, [message]] = Object.entries(control)[0]! as [string, string[]];
    throw new ApiV1Error(400, 'invalid_request_error', 'parameter_invalid', `${param}: ${message}`, param);
  }
  const parsed = z.safeParse(schema, input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0]!;
  const unknown = first.code === 'unrecognized_keys';
  const path = [...first.path, ...(unknown ? first.keys.slice(0, 1) : [])].map(String);
  const param = path.length ? path.join('.') : undefined;
  const message = unknown ? `${param}: unknown parameter` : `${param ?? where}: ${first.message}`;
  throw new ApiV1Error(400, 'invalid_request_error', unknown ? 'parameter_unknown' : 'parameter_invalid', message, param);
}
