import type { Db } from '@/db';
import { findDemoSeed, moveDemoSeed, spreadDemoTimes } from '@/db/queries/demo';
import type { Actor } from '@/lib/apps/actor';
import { env } from '@/lib/env';
import { isSandbox } from '@/lib/gateways';
import { describeForLog } from '@/lib/errors';
import { log } from '@/lib/log';
import { connectDemoApp } from './connect';
import { makeDemoOrders, waitForDeliveries } from './make-orders';
import { demoPlan, spreadTimes } from './plan';
import { sandboxControl } from './sandbox-control';
import { waitUntil } from './wait-until';

export interface DemoRunOptions {
  /** How long to wait for our own `/api/health` at APP_URL (`next dev` compiles on first request). */
  serverTimeoutMs?: number;
  /** How long to wait for the sandbox at SANDBOX_URL (`npm run dev` starts it beside us). */
  sandboxTimeoutMs?: number;
  /** How long the sandbox may take to land every webhook, retries included. */
  deliveryTimeoutMs?: number;
}

export type DemoRunResult =
  | { outcome: 'done'; orders: number; undelivered: number; secretKey: string }
  /** No demo to make here (none planned, or made already). */
  | { outcome: 'nothing_to_do' }
  /** Nothing was done; the next start tries again. */
  | { outcome: 'gave_up'; reason: 'live_gateways' | 'server_unreachable' | 'sandbox_absent' }
  /** Stopped part way (or found a run that was interrupted); not tried again. */
  | { outcome: 'failed' };

/**
 * Makes the demo app's living demo once: connected to the sandbox through the wizard, then weeks
 * of orders made through the real path, their times spread over the last 14 days. Once claimed, a
 * failure is logged and marks the run failed instead of throwing.
 */
export async function runDemoSeed(db: Db, options: DemoRunOptions = {}): Promise<DemoRunResult> {
  const seed = await findDemoSeed(db);
  if (!seed || seed.status === 'done' || seed.status === 'failed') return { outcome: 'nothing_to_do' };
  if (seed.status === 'running') {
    // One process holds an embedded database: a run still marked running died with its process.
    await moveDemoSeed(db, { appId: seed.appId, from: 'running', to: 'failed' });
    log.warn({ event: 'demo.interrupted', appId: seed.appId, hint: 'delete DATA_DIR for a fresh demo' });
    return { outcome: 'failed' };
  }
  if (!isSandbox()) return { outcome: 'gave_up', reason: 'live_gateways' };
  const appUrl = env.APP_URL.replace(/\/+$/, '');
  const serverUp = () => fetch(`${appUrl}/api/health`, { signal: AbortSignal.timeout(30_000) }).then((r) => r.ok, () => false);
  // Webhooks come back over HTTP to APP_URL: it must answer before any payment is made.
  if (!(await waitUntil(serverUp, options.serverTimeoutMs ?? 180_000))) return { outcome: 'gave_up', reason: 'server_unreachable' };
  const sandbox = sandboxControl(env.SANDBOX_URL);
  if (!(await waitUntil(() => sandbox.isUp(), options.sandboxTimeoutMs ?? 15_000))) return { outcome: 'gave_up', reason: 'sandbox_absent' };
  if (!(await moveDemoSeed(db, { appId: seed.appId, from: 'pending', to: 'running' }))) return { outcome: 'nothing_to_do' };

  try {
    const actor: Actor = { appId: seed.appId, merchantId: seed.merchantId, ip: null };
    const app = { id: seed.appId, publicId: seed.publicId, email: seed.email };
    const connected = await connectDemoApp(db, actor, app, sandbox);
    const plan = demoPlan();
    const made = await makeDemoOrders(db, seed.appId, plan, sandbox, connected.pointWebhooks);
    const undelivered = await waitForDeliveries(made, sandbox, options.deliveryTimeoutMs ?? 120_000);
    if (undelivered > 0) log.warn({ event: 'demo.undelivered', appId: seed.appId, events: undelivered });

    const times = spreadTimes(plan.length + 1, new Date());
    const spread = [
      { orderId: connected.verificationOrderId, at: times[0]! },
      ...made.map((m) => ({ orderId: m.order.id, at: times[m.planIndex + 1]! })),
    ];
    await spreadDemoTimes(db, { appId: seed.appId, times: spread });
    await moveDemoSeed(db, { appId: seed.appId, from: 'running', to: 'done' });
    log.info({ event: 'demo.seeded', appId: seed.appId, orders: spread.length, undelivered });
    return { outcome: 'done', orders: spread.length, undelivered, secretKey: connected.secretKey };
  } catch (error) {
    log.error({ event: 'demo.failed', appId: seed.appId, ...describeForLog(error) });
    await moveDemoSeed(db, { appId: seed.appId, from: 'running', to: 'failed' }).catch(() => false);
    return { outcome: 'failed' };
  }
}
