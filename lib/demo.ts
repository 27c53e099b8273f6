import type { Database } from '@/db/client';
import { createApp } from '@/db/queries/apps';
import { insertDemoSeed } from '@/db/queries/demo';
import { countMerchants, createMerchant } from '@/db/queries/merchants';
import { hashPassword } from './auth/password';
import { runDemoSeed, type DemoRunResult } from './demo-data/run';
import { describeForLog } from './errors';
import { EXAMPLE_SHOP_ORIGIN } from './demo-data/connect';
import { env, isProduction } from './env';
import { log } from './log';

export const DEMO_MERCHANT = { email: 'demo@kspay.local', password: 'demo-password' } as const;

/** Demo data only on the embedded database; in production mode only with DEMO_SEED=on. */
function demoAllowed(kind: Database['kind']) {
  if (kind !== 'pglite' || env.DEMO_SEED === 'off') return false;
  return !isProduction || env.DEMO_SEED === 'on';
}

const signInLines = `    email:    ${DEMO_MERCHANT.email}\n    password: ${DEMO_MERCHANT.password}`;

/**
 * A demo merchant on an empty embedded database, so a newcomer can sign in at once. Its Demo Store
 * gets its sandbox orders later, in the background (startDemoSeeding).
 */
export async function seedDemoMerchant({ db, kind }: Database): Promise<boolean> {
  if (!demoAllowed(kind)) return false;
  if ((await countMerchants(db)) > 0) return false;
  const passwordHash = await hashPassword(DEMO_MERCHANT.password);
  const created = await db.transaction(async (tx) => {
    const merchant = await createMerchant(tx, { email: DEMO_MERCHANT.email, passwordHash });
    if (!merchant) return false;
    const app = await createApp(tx, { merchantId: merchant.id, name: 'Demo Store', email: DEMO_MERCHANT.email, country: 'IN' });
    const appId = (await tx.query.apps.findFirst({ where: (a, { eq }) => eq(a.publicId, app.publicId), columns: { id: true } }))!.id;
    await insertDemoSeed(tx, { appId });
    return true;
  });
  if (!created) return false;
  console.info(
    `\n  Demo merchant created on the embedded database:\n${signInLines}\n` +
      `  Its Demo Store is being connected to the gateway sandbox, with two weeks of orders, in the background.\n`,
  );
  return true;
}

/**
 * Makes the demo's sandbox orders once the server answers (webhooks come back to it over HTTP),
 * without holding up start-up: nothing here is awaited, and no failure escapes.
 */
export function startDemoSeeding(database: Database): void {
  if (!demoAllowed(database.kind)) return;
  void runDemoSeed(database.db).then(report, (error: unknown) => log.error({ event: 'demo.failed', ...describeForLog(error) }));
}

function report(result: DemoRunResult) {
  if (result.outcome === 'done') {
    // The key exists only now and is shown only this once, like on the Security step.
    console.info(
      `\n  Demo Store is connected to the gateway sandbox, with ${result.orders} orders over the last 14 days.\n` +
        `  Sign in as the demo merchant:\n${signInLines}\n` +
        `  Demo Store's test secret key (shown only this once; Roll secret key on the Security step replaces it):\n` +
        `    ${result.secretKey}\n` +
        `  Take a test payment with it: README → "Take a test payment" (the example shop on ${EXAMPLE_SHOP_ORIGIN}).\n`,
    );
  } else if (result.outcome === 'gave_up') {
    const why = {
      live_gateways: 'GATEWAYS=live: the demo needs the sandbox',
      server_unreachable: `${env.APP_URL}/api/health did not answer (is APP_URL this server?)`,
      sandbox_absent: `no gateway sandbox at ${env.SANDBOX_URL} (npm run dev starts one)`,
    }[result.reason];
    console.info(`\n  Demo Store's sandbox orders were not made: ${why}. The next start tries again.\n`);
  } else if (result.outcome === 'failed') {
    console.info(`\n  Demo Store's sandbox orders stopped part way (see the demo log lines). Delete ${env.DATA_DIR} to start over.\n`);
  }
}
