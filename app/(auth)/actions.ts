'use server';

import { CredentialsSignin } from 'next-auth';
import { getDb } from '@/db';
import { createMerchant } from '@/db/queries/merchants';
import { revokeAllSessions } from '@/db/queries/sessions';
import { publicAction } from '@/lib/actions/action';
import { signIn, signOut } from '@/lib/auth';
import { hashPassword } from '@/lib/auth/password';
import { currentSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { signInSchema, signUpSchema } from '@/lib/validations/auth';
import { log } from '@/lib/log';

export const signUpAction = publicAction(signUpSchema, async ({ email, password }) => {
  const merchant = await createMerchant(await getDb(), { email, passwordHash: await hashPassword(password) });
  if (!merchant) {
    throw new AppError('conflict', 'An account with this email already exists.', {
      email: ['An account with this email already exists. Sign in instead.'],
    });
  }
  log.info({ event: 'merchant.signed_up', merchantId: merchant.id });
  await signInOrExplain(email, password, '/apps');
});

export const signInAction = publicAction(signInSchema, async ({ email, password, callbackUrl }) => {
  await signInOrExplain(email, password, safeCallbackPath(callbackUrl));
});

async function signInOrExplain(email: string, password: string, redirectTo: string) {
  try {
    await signIn('credentials', { email, password, redirectTo });
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    if (error.code === 'rate_limited') {
      throw new AppError('rate_limited', 'Too many failed sign-in attempts. Wait 15 minutes and try again.');
    }
    if (error.code === 'slow_down') {
      throw new AppError('rate_limited', 'Too many failed sign-in attempts. Wait a few seconds and try again.');
    }
    throw new AppError('unauthorized', 'Invalid email or password');
  }
}

/** Ends this session: its token is refused from now on, wherever a copy of the cookie is (lib/auth: events.signOut). */
export async function signOutAction() {
  await signOut({ redirectTo: '/login' });
}

/** Ends every session of this merchant, on every device, this one included. */
export async function signOutEverywhereAction() {
  const session = await currentSession();
  if (session) await revokeAllSessions(await getDb(), { merchantId: session.merchant.id });
  await signOut({ redirectTo: '/login?signedOut=everywhere' });
}
