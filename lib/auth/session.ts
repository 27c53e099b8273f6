import { redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from './index';
import type { SessionMerchant } from './session-state';

export type { SessionMerchant } from './session-state';

/**
 * The signed-in merchant and the session they are in, or null. `auth()` has already checked the
 * session against the database (the `jwt` callback in ./index.ts), once per request.
 */
export const currentSession = cache(async (): Promise<{ merchant: SessionMerchant; sessionId: string } | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const email = session?.user?.email;
  return id && email && session.sessionId ? { merchant: { id, email }, sessionId: session.sessionId } : null;
});

/** The signed-in merchant, or null. */
export async function currentMerchant(): Promise<SessionMerchant | null> {
  return (await currentSession())?.merchant ?? null;
}

/** For pages: the signed-in merchant, or a redirect to the sign-in page. */
export async function requireMerchant(): Promise<SessionMerchant> {
  const merchant = await currentMerchant();
  if (!merchant) redirect('/login');
  return merchant;
}
