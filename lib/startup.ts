import { getDatabase } from '@/db';
import { startPruning } from '@/lib/auth/prune';
import { seedDemoMerchant } from './demo';
import { assertEncryptionKeys } from './crypto';
import { getAuthSecret } from './dev-secrets';
import { log } from '@/lib/log';

/** Runs once per server process, before the first request: secrets present, database migrated, demo seeded. */
export async function startUp() {
  getAuthSecret();
  assertEncryptionKeys();
  const database = await getDatabase();
  await seedDemoMerchant(database);
  await startPruning(database.db);
  log.info({ event: 'server.started', database: database.kind });
}
