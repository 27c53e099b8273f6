import { getDatabase } from '@/db';
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
  log.info({ event: 'server.started', database: database.kind });
}
