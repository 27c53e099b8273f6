import type { Db } from '@/db';
import { applyDelivery, type Delivery, type PaymentWrite } from '@/db/queries/apply-delivery';
import { type OrderState, readOrderState, type StoredPayment } from '@/db/queries/order-state';
import { lockOrderByGatewayId } from '@/db/queries/orders';
import { eventsForChange } from '@/lib/outbound-webhooks/events-for-change';
import { wakeDeliveryWorker } from '@/lib/outbound-webhooks/wake';
import { applyObservation, orderStatusOf, type PaymentObservation, type PaymentState } from './state';

function stateOf(row: StoredPayment): PaymentState {
  return {
    status: row.status,
    amount: row.amount,
    method: row.method,
    errorCode: row.errorCode,
    errorDescription: row.errorDescription,
    amountRefunded: row.amountRefunded,
    refunds: Object.fromEntries(row.refunds.map((r) => [r.gatewayRefundId, { amount: r.amount, status: r.status }])),
  };
}

/** What an observation of one payment does to an order; null when it changes nothing (stale). */
export function planPayment(order: OrderState, gatewayPaymentId: string, observation: PaymentObservation): PaymentWrite | null {
  const row = order.payments.find((p) => p.gatewayPaymentId === gatewayPaymentId);
  const current = row ? stateOf(row) : null;
  const { next, changed } = applyObservation(current, observation, order.amount);
  if (!changed) return null;
  return {
    payment: {
      gatewayPaymentId,
      status: next.status,
      method: next.method,
      amount: next.amount,
      currency: order.currency,
      errorCode: next.errorCode,
      errorDescription: next.errorDescription,
      amountRefunded: next.amountRefunded,
    },
    refunds: Object.entries(next.refunds)
      .filter(([id, refund]) => current?.refunds[id]?.status !== refund.status)
      .map(([gatewayRefundId, refund]) => ({ gatewayRefundId, ...refund })),
    orderStatus: orderStatusOf([...order.payments.filter((p) => p !== row).map(stateOf), next]),
  };
}

export type AppliedOutcome = 'applied' | 'duplicate' | 'stale' | 'ignored';

/** Optimistic tries before an order this contended is locked first. */
const OPTIMISTIC_ATTEMPTS = 3;

export interface RecordOptions {
  /** The order's state when the caller has just read it (as `readOrderState` answers): the first attempt uses it. */
  known?: OrderState | null;
  /** Tries without the order's lock (tests take 0 to exercise the locked path). */
  optimisticAttempts?: number;
}

/**
 * Records a verified delivery or a sync observation and applies what it says about its payment,
 * exactly once: the order's state is read, the change planned here, and one statement claims the
 * delivery and writes the change only if the order has not changed since it was read; if it has,
 * again. After a few losses to concurrent changes of the same order, its row lock is taken first
 * (in a transaction), so that attempt cannot lose.
 */
export async function recordAndApply(
  db: Db,
  delivery: Delivery,
  subject: { gatewayOrderId: string | null; payment: { gatewayPaymentId: string; observation: PaymentObservation } | null },
  { known, optimisticAttempts = OPTIMISTIC_ATTEMPTS }: RecordOptions = {},
): Promise<AppliedOutcome> {
  let queued = 0;
  const attempt = async (handle: Db, read?: OrderState | null): Promise<AppliedOutcome | null> => {
    const order =
      read !== undefined
        ? read
        : subject.gatewayOrderId
          ? await readOrderState(handle, { appId: delivery.appId, gateway: delivery.gateway, gatewayOrderId: subject.gatewayOrderId })
          : null;
    const write = order && subject.payment ? planPayment(order, subject.payment.gatewayPaymentId, subject.payment.observation) : null;
    const outcome = !order || !subject.payment ? 'ignored' : write ? 'applied' : 'stale';
    const events = order && write ? eventsForChange(order, write, new Date()) : [];
    const result = await applyDelivery(handle, delivery, { order, outcome, write, events });
    if (!result.current) return null;
    queued = result.queued;
    return result.claimed ? outcome : 'duplicate';
  };
  // Once committed, this process's worker delivers the events at once (other instances poll).
  const committed = (outcome: AppliedOutcome) => {
    if (queued > 0) wakeDeliveryWorker();
    return outcome;
  };
  for (let i = 0; i < optimisticAttempts; i++) {
    const outcome = await attempt(db, i === 0 ? known : undefined);
    if (outcome) return committed(outcome);
  }
  // Read again under the lock: nothing can change the order before this transaction ends.
  const outcome = await db.transaction(async (tx) => {
    if (subject.gatewayOrderId) {
      await lockOrderByGatewayId(tx, { appId: delivery.appId, gateway: delivery.gateway, gatewayOrderId: subject.gatewayOrderId });
    }
    const locked = await attempt(tx);
    if (!locked) throw new Error('The order changed under its own row lock');
    return locked;
  });
  return committed(outcome);
}
