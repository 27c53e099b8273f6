import { getDatabase } from '@/db';
import { seedDemoMerchant } from './demo';
import { getAuthSecret } from './dev-secrets';

/** Runs once per server process, before the first request: secrets present, database migrated, demo seeded. */
export async function startUp() {
  getAuthSecret();
  const database = await getDatabase();
  await seedDemoMerchant(database);
  console.info(JSON.stringify({ event: 'server.started', database: database.kind }));
}
