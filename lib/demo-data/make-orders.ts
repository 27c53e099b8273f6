import type { Db } from '@/db';
import type { Order } from '@/db/schema';
import { createOrder } from '@/lib/orders/create-order';
import { syncOrder } from '@/lib/payments/sync';
import type { PlannedOrder } from './plan';
import type { SandboxControl } from './sandbox-control';

export type MadeOrder = { planIndex: number; order: Order; eventIds: string[] };

/** About a third of the amount, in whole rupees. */
const partOf = (amount: number) => Math.max(100, Math.round((amount * 0.3) / 100) * 100);

/**
 * Each planned order made through the real path: our createOrder, a sandbox customer paying, and
 * the sandbox delivering signed webhooks into our route. The orders to be repaired by sync are
 * paid before the account's webhooks point at us, so none of theirs is ever delivered.
 */
export async function makeDemoOrders(
  db: Db,
  appId: string,
  plan: PlannedOrder[],
  sandbox: SandboxControl,
  pointWebhooks: () => Promise<void>,
): Promise<MadeOrder[]> {
  const indexed = plan.map((planned, planIndex) => ({ planned, planIndex }));
  const made: MadeOrder[] = [];
  for (const { planned, planIndex } of indexed.filter((p) => p.planned.scenario === 'synced')) {
    const order = await createOrder(db, { appId }, orderInput(planned));
    await sandbox.pay({ gatewayOrderId: order.gatewayOrderId, outcome: 'captured', method: planned.method });
    const synced = await syncOrder(db, { appId, orderId: order.id });
    if (synced.status !== 'paid') throw new Error(`the sync left the demo order ${order.id} ${synced.status}`);
    made.push({ planIndex, order, eventIds: [] });
  }
  await pointWebhooks();
  for (const { planned, planIndex } of indexed.filter((p) => p.planned.scenario !== 'synced')) {
    const order = await createOrder(db, { appId }, orderInput(planned));
    made.push({ planIndex, order, eventIds: await play(planned, order, sandbox) });
  }
  return made;
}

const orderInput = (planned: PlannedOrder) => ({
  amount: planned.amount,
  currency: 'INR',
  receipt: planned.receipt,
  notes: planned.notes,
  customer: planned.customer,
});

/** The customer's (and the shop's) side of one order at the sandbox; the event ids it emitted. */
async function play(planned: PlannedOrder, order: Order, sandbox: SandboxControl): Promise<string[]> {
  const eventIds: string[] = [];
  const pay = async (outcome: 'captured' | 'failed', method = planned.method) => {
    const payment = await sandbox.pay({ gatewayOrderId: order.gatewayOrderId, outcome, method });
    eventIds.push(...payment.eventIds);
    return payment.id;
  };
  const then = async (step: Promise<{ eventIds: string[] }>) => eventIds.push(...(await step).eventIds);
  switch (planned.scenario) {
    case 'abandoned':
      break;
    case 'failed':
      await pay('failed');
      break;
    case 'retried':
      await pay('failed', planned.failedMethod);
      await pay('captured');
      break;
    case 'late_authorised':
      await then(sandbox.capture(await pay('failed')));
      break;
    case 'refunded':
      await then(sandbox.refund(await pay('captured')));
      break;
    case 'partly_refunded':
      await then(sandbox.refund(await pay('captured'), partOf(order.amount)));
      break;
    case 'paid':
    case 'synced':
      await pay('captured');
      break;
  }
  return eventIds;
}

/**
 * Waits until every event the sandbox emitted was delivered into our route (retries included), or
 * the deadline passes. Returns how many never landed.
 */
export async function waitForDeliveries(made: MadeOrder[], sandbox: SandboxControl, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let pending = made.filter((m) => m.eventIds.length > 0);
  for (;;) {
    const next: MadeOrder[] = [];
    for (const entry of pending) {
      const delivered = await sandbox.deliveredEventIds(entry.order.gatewayOrderId);
      const missing = entry.eventIds.filter((id) => !delivered.has(id));
      if (missing.length > 0) next.push({ ...entry, eventIds: missing });
    }
    pending = next;
    if (pending.length === 0 || Date.now() > deadline) return pending.reduce((n, m) => n + m.eventIds.length, 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
