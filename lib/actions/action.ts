import { unstable_rethrow } from 'next/navigation';
import * as z from 'zod/v4/core';
import { type Db, getDb } from '@/db';
import type { Actor } from '@/lib/apps/actor';
import { type OwnedApp, requireAppOf } from '@/lib/apps/require-app';
import { type SessionMerchant, currentMerchant } from '@/lib/auth/session';
import { AppError, toPublicError } from '@/lib/errors';
import { requestIp } from '@/lib/request-ip';
import { controlCharacterErrors } from '@/lib/validations/control-characters';
import { fieldErrorsOf } from './field-errors';

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

type Context = { db: Db; merchant: SessionMerchant };
type AppContext = Context & { app: OwnedApp; actor: Actor };

/**
 * The one wrapper for server actions that need a signed-in merchant:
 * session → zod → action → typed result. Thrown AppErrors become their message; anything else is
 * logged and answered with a generic message.
 */
export function authedAction<S extends z.$ZodType, T>(
  schema: S,
  run: (input: z.infer<S>, ctx: Context) => Promise<T>,
) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    const merchant = await currentMerchant();
    if (!merchant) return { ok: false, message: 'Your session has ended. Sign in again.' };
    return runValidated(schema, input, (data) => getDb().then((db) => run(data, { db, merchant })));
  };
}

/**
 * For actions on one app (`input.appId` is its public App ID): the app is resolved through the
 * merchant's ownership (not found when it is not theirs) and the actor carries the client IP.
 */
export function appAction<S extends z.$ZodType<{ appId: string }>, T>(
  schema: S,
  run: (input: z.infer<S>, ctx: AppContext) => Promise<T>,
) {
  return authedAction(schema, async (input, { db, merchant }) => {
    const app = await requireAppOf(db, { merchantId: merchant.id, publicId: input.appId });
    const actor: Actor = { appId: app.id, merchantId: merchant.id, ip: await requestIp() };
    return run(input, { db, merchant, app, actor });
  });
}

/** The same for actions without a session (sign-up, sign-in). */
export function publicAction<S extends z.$ZodType, T>(schema: S, run: (input: z.infer<S>) => Promise<T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => runValidated(schema, input, run);
}

async function runValidated<S extends z.$ZodType, T>(
  schema: S,
  input: unknown,
  run: (data: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const controlErrors = controlCharacterErrors(input);
  if (controlErrors) return { ok: false, message: 'Check the highlighted fields.', fieldErrors: controlErrors };
  const parsed = z.safeParse(schema, input);
  if (!parsed.success) {
    return { ok: false, message: 'Check the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error) };
  }
  try {
    return { ok: true, data: await run(parsed.data) };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    return { ok: false, message: toPublicError(error, { event: 'action_failed' }).message };
  }
}
