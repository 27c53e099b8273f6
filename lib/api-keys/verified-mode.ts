import type { Db } from '@/db/client';
import { getVerifiedMode } from '@/db/queries/gateway-connections';
import { AppError } from '@/lib/errors';

/** Keys take the mode of the verified gateway credentials; before verification there are none. */
export async function requireVerifiedMode(db: Db, params: { appId: string }) {
  const mode = await getVerifiedMode(db, params);
  if (!mode) {
    throw new AppError('conflict', 'API keys become available once the test order has verified steps 1–3.');
  }
  return mode;
}
