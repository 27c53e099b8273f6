import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db';
import { auth } from './index';
import { type SessionMerchant, liveSessionMerchant } from './session-state';

export type { SessionMerchant } from './session-state';

/** The signed-in merchant and the session they are in, or null (checked against the database once per request). */
export const currentSession = cache(async (): Promise<{ merchant: SessionMerchant; sessionId: string } | null> => {
  const session = await auth();
  const claims = { merchantId: session?.user?.id, sessionId: session?.sessionId, sessionVersion: session?.sessionVersion };
  const merchant = await liveSessionMerchant(await getDb(), claims);
  return merchant && claims.sessionId ? { merchant, sessionId: claims.sessionId } : null;
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
