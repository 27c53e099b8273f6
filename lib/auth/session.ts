import { redirect } from 'next/navigation';
import { auth } from './index';

export type SessionMerchant = { id: string; email: string };

/** The signed-in merchant, or null. */
export async function currentMerchant(): Promise<SessionMerchant | null> {
  const session = await auth();
  const id = session?.user?.id;
  const email = session?.user?.email;
  return id && email ? { id, email } : null;
}

/** For pages: the signed-in merchant, or a redirect to the sign-in page. */
export async function requireMerchant(): Promise<SessionMerchant> {
  const merchant = await currentMerchant();
  if (!merchant) redirect('/login');
  return merchant;
}
