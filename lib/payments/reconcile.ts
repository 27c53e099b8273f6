import type { Db } from '@/db';
import { claimUnfinishedOrders } from '@/db/queries/orders';
import type { GatewayOptions } from '@/lib/gateways';
import { log } from '@/lib/log';
import { syncOrder } from './sync';

/**
 * An order still CREATED or PROCESSING 5 minutes after its last change is asked about; Razorpay
 * may authorise a failed payment for up to 5 days, so orders are followed that long.
 */
export const RECONCILE_DEFAULTS = { quietSeconds: 5 * 60, lookbackSeconds: 5 * 24 * 3600, claimSeconds: 10 * 60, limit: 25 };

/**
 * One round of the reconciler: syncs the unfinished orders this instance claimed. Safe with
 * several instances running: each order is claimed by one of them at a time.
 */
export async function reconcileOrders(db: Db, settings: Partial<typeof RECONCILE_DEFAULTS> = {}, options?: GatewayOptions) {
  const claimed = await claimUnfinishedOrders(db, { ...RECONCILE_DEFAULTS, ...settings });
  const synced: string[] = [];
  let failed = 0;
  for (const order of claimed) {
    try {
      await syncOrder(db, { appId: order.appId, orderId: order.id }, options);
      synced.push(order.id);
    } catch (error) {
      // The claim expires, so the order is tried again later.
      failed++;
      log.warn({ event: 'reconcile.failed', orderId: order.id, error: error instanceof Error ? error.name : 'unknown' });
    }
  }
  return { synced, failed };
}

const RECONCILE_EVERY_MS = 60 * 1000;

/**
 * Runs a round every minute for as long as the process lives (the timer never keeps it alive), so
 * a missed webhook never leaves an order wrong for long. Rounds on several instances claim
 * different orders.
 */
export function startReconciler(db: Db): NodeJS.Timeout {
  const run = () =>
    reconcileOrders(db).catch((error: unknown) =>
      log.warn({ event: 'reconcile.round_failed', message: error instanceof Error ? error.message : String(error) }),
    );
  return setInterval(run, RECONCILE_EVERY_MS).unref();
}
