import * as z from 'zod/v4/core';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/apps/actor';
import { appNotFound, type OwnedApp, requireAppOf } from '@/lib/apps/require-app';
import { clientIp } from '@/lib/request-ip';
import type { SessionMerchant } from '@/lib/auth/session';
import { AppError, toPublicError } from '@/lib/errors';
import { errorResponse, withNoStore } from './json';
import { readJsonBody } from './read-json-body';
import { isSafeMethod, isSameOrigin } from './same-origin';

export type { OwnedApp } from '@/lib/apps/require-app';

export type OwnedAppContext<Params, Body> = {
  request: Request;
  db: Db;
  merchant: SessionMerchant;
  /** Resolved through the merchant's ownership; `app.id` is the internal uuid. */
  app: OwnedApp;
  params: Params;
  body: Body;
  ip: string;
  /** The merchant acting on this app from `ip`, for the audit log. */
  actor: Actor;
};

type RouteDeps = {
  getMerchant: () => Promise<SessionMerchant | null>;
  getDb: () => Promise<Db>;
  /** Origins besides the request's own that may send state-changing requests. */
  trustedOrigins?: readonly string[];
  /** Lets framework control-flow errors through (Next's `unstable_rethrow`). */
  rethrow?: (error: unknown) => void;
};

type RouteContext = { params: Promise<{ appId: string }> };

/**
 * Builds `withOwnedApp`, the one wrapper for route handlers under /api/apps/[appId]:
 * session → same-origin check for non-GET → app ownership → path params and JSON body via zod →
 * handler. AppErrors become `{ error: { code, message } }` with their status; anything else is
 * logged and answered with a generic 500. Every answer is `Cache-Control: no-store`.
 */
export function createOwnedAppRoute(deps: RouteDeps) {
  return function withOwnedApp<B extends z.$ZodType = z.$ZodUndefined, P extends z.$ZodType = z.$ZodObject>(
    options: { body?: B; params?: P },
    handler: (ctx: OwnedAppContext<z.output<P>, z.output<B>>) => Promise<Response>,
  ) {
    return async (request: Request, context: RouteContext): Promise<Response> => {
      try {
        const merchant = await deps.getMerchant();
        if (!merchant) throw new AppError('unauthorized', 'Sign in to continue.');
        if (!isSafeMethod(request.method) && !isSameOrigin(request, deps.trustedOrigins)) {
          throw new AppError('forbidden', 'This request must come from the KS Pay dashboard.');
        }

        const rawParams: Record<string, unknown> = await context.params;
        const publicId = rawParams.appId;
        if (typeof publicId !== 'string' || publicId.length > 64) throw appNotFound();
        const db = await deps.getDb();
        const app = await requireAppOf(db, { merchantId: merchant.id, publicId });

        const params = parseParams(options.params, rawParams);
        // Without a body schema the body is not read at all, and the handler sees `undefined`.
        const body = (options.body ? await readJsonBody(request, options.body) : undefined) as z.output<B>;
        const ip = clientIp(request.headers);
        const actor = { appId: app.id, merchantId: merchant.id, ip };
        return withNoStore(await handler({ request, db, merchant, app, params, body, ip, actor }));
      } catch (error) {
        deps.rethrow?.(error);
        const publicError = toPublicError(error, {
          event: 'route_failed',
          method: request.method,
          path: new URL(request.url).pathname,
        });
        return errorResponse(publicError.status, publicError);
      }
    };
  };
}

/** A malformed id in the path names nothing: 404 with the schema's message. */
function parseParams<P extends z.$ZodType>(schema: P | undefined, raw: Record<string, unknown>): z.output<P> {
  if (!schema) return raw as z.output<P>;
  const parsed = z.safeParse(schema, raw);
  if (!parsed.success) throw new AppError('not_found', parsed.error.issues[0]?.message ?? 'Not found.');
  return parsed.data;
}
