import type { Db } from '@/db/client';
import { listApiKeys } from '@/db/queries/api-keys';
import { getVerifiedMode } from '@/db/queries/gateway-connections';
import type { ApiKeyListResponse } from './contract';
import { toApiKeyDto } from './key-dto';

/** The app's keys, newest first, and the mode new keys would take (null: not verified yet). */
export async function listAppApiKeys(db: Db, params: { appId: string }): Promise<ApiKeyListResponse> {
  const [mode, rows] = await Promise.all([getVerifiedMode(db, params), listApiKeys(db, params)]);
  return { mode, keys: rows.map(toApiKeyDto) };
}
