import { getDatabase } from '@/db';
import { startPruning } from '@/lib/prune';
import { startReconciler } from '@/lib/payments/reconcile';
import { startDeliveryWorker } from '@/lib/outbound-webhooks/worker';
import { seedDemoMerchant, startDemoSeeding } from './demo';
import { assertEncryptionKeys } from './crypto';
import { getAuthSecret } from './dev-secrets';
import { assertDeployment } from './deployment';
import { env } from './env';
import { log } from '@/lib/log';

/**
 * Runs once per server process, before the first request: secrets present, database migrated, demo
 * merchant seeded; then the pruner, the reconciler, the delivery worker (webhooks to merchants' servers)
 * and the demo's sandbox orders run in the background.
 */
export async function startUp() {
  assertDeployment(env);
  getAuthSecret();
  assertEncryptionKeys();
  const database = await getDatabase();
  await seedDemoMerchant(database);
  await startPruning(database.db);
  startReconciler(database.db);
  startDeliveryWorker(database.db);
  startDemoSeeding(database);
  log.info({ event: 'server.started', database: database.kind });
}

/** A server without its secrets, database or gateway choice must not half-start and answer 500s. */
export async function startUpOrExit() {
  try {
    await startUp();
  } catch (error) {
    console.error(`KS Pay cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
