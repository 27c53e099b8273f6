import { type Db, getDb } from '@/db';
import { getAllowedOrigins } from '@/db/queries/apps';
import { authenticateApiKey } from '@/lib/api-keys/authenticate';
import { randomBase62 } from '@/lib/ids';
import type { Caller } from './authenticate-request';
import { ApiV1Error, errorBody, toApiV1Error } from './errors';
import { enforceRateLimit } from './rate-limit';

type PublicContext<P> = { db: Db; caller: Caller; params: P };

/**
 * An endpoint for the merchant's website: the public key (`pk_…`), and only from the app's allowed
 * domains — the browser's `Origin` must be listed, and only a listed origin gets CORS headers.
 */
export function publicApiRoute<P>(handle: (ctx: PublicContext<P>) => Promise<unknown>) {
  return async (request: Request, segment: { params: Promise<P> }): Promise<Response> => {
    const requestId = `req_${randomBase62(20)}`;
    const origin = request.headers.get('origin');
    let cors: Record<string, string> = {};
    try {
      const db = await getDb();
      const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization')?.trim() ?? '')?.[1];
      const caller = token ? await authenticateApiKey(db, token, { kind: 'public' }) : null;
      if (!caller) throw new ApiV1Error(401, 'authentication_error', 'api_key_invalid', 'Send your public key: "Authorization: Bearer pk_test_…".');
      const allowed = await getAllowedOrigins(db, { appId: caller.appId });
      if (!origin || !allowed.includes(origin)) {
        throw new ApiV1Error(403, 'permission_error', 'origin_not_allowed', `${origin ?? 'A request without an Origin'} is not one of this app's allowed domains (Settings → General → Allowed domains).`);
      }
      cors = corsHeaders(origin);
      await enforceRateLimit(db, { keyId: caller.keyId });
      const body = await handle({ db, caller, params: await segment.params });
      return Response.json(body, { headers: { ...cors, 'Cache-Control': 'no-store', 'Request-Id': requestId } });
    } catch (error) {
      const apiError = toApiV1Error(error, { requestId });
      return Response.json(errorBody(apiError, requestId), { status: apiError.status, headers: { ...cors, 'Cache-Control': 'no-store', 'Request-Id': requestId } });
    }
  };
}

/** The preflight: answered for any origin (it carries no key); the real request decides. */
export function publicApiPreflight(request: Request): Response {
  const origin = request.headers.get('origin');
  return new Response(null, { status: 204, headers: origin ? { ...corsHeaders(origin), 'Access-Control-Max-Age': '600' } : {} });
}

const corsHeaders = (origin: string) => ({
  'Access-Control-Allow-Origin': origin,
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Expose-Headers': 'Request-Id',
  Vary: 'Origin',
});
