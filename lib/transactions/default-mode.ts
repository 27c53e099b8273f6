import type { Db } from '@/db';
import { getConnectionModes } from '@/db/queries/transactions';
import type { Mode } from './view';

/**
 * The mode the Transactions page opens in: that of the credentials in use, else of the ones just
 * submitted, else test. `connected`: a gateway is verified (empty states point to the wizard if not).
 */
export async function resolveMode(db: Db, params: { appId: string }, asked: Mode | undefined) {
  const modes = await getConnectionModes(db, params);
  return { mode: asked ?? modes.verified ?? modes.current ?? 'test', connected: modes.verified !== null };
}
