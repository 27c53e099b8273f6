import type { PaymentMethod, PaymentStatus } from '@/lib/gateways';

export type OrderStatus = 'created' | 'processing' | 'paid' | 'failed' | 'refunded' | 'partially_refunded';
export type RefundStatus = 'pending' | 'processed' | 'failed';

export interface RefundState {
  amount: number;
  status: RefundStatus;
}

export interface PaymentState {
  status: PaymentStatus;
  /** Minor units. */
  amount: number;
  method: PaymentMethod | string | null;
  errorCode: string | null;
  errorDescription: string | null;
  /** The highest refunded total seen: the gateway's own figure or the sum of processed refunds. */
  amountRefunded: number;
  refunds: Record<string, RefundState>;
}

/** What one webhook or one sync answer says about one payment. */
export interface PaymentObservation {
  status: PaymentStatus | null;
  amount: number | null;
  method: PaymentMethod | string | null;
  error: { code: string | null; description: string | null } | null;
  /** The gateway's refunded total for the payment (sync), if it says. */
  amountRefunded?: number | null;
  refund?: { id: string; amount: number; status: RefundStatus } | null;
}

/**
 * Payment states ranked so that the final state is the highest one seen: a join, so any order of
 * arrival ends the same. `failed` ranks below `authorized` for late authorisation (Razorpay fails a
 * payment after 10 minutes and may authorise and capture it later); nothing ranks above a capture
 * but its refund.
 */
const PAYMENT_RANK: Record<PaymentStatus, number> = {
  created: 0,
  pending: 1,
  dropped: 2,
  failed: 3,
  authorized: 4,
  captured: 5,
  refunded: 6,
};

const REFUND_RANK: Record<RefundStatus, number> = { pending: 0, failed: 1, processed: 2 };

const higher = <T extends string>(rank: Record<T, number>, a: T, b: T) => (rank[b] > rank[a] ? b : a);

const isFailure = (status: PaymentStatus) => status === 'failed' || status === 'dropped';

/** The payment after `observation`, and whether anything changed (if not, the event is stale). */
export function applyObservation(
  current: PaymentState | null,
  observation: PaymentObservation,
  fallbackAmount: number,
): { next: PaymentState; changed: boolean } {
  const base: PaymentState = current ?? {
    status: 'created',
    amount: observation.amount ?? fallbackAmount,
    method: null,
    errorCode: null,
    errorDescription: null,
    amountRefunded: 0,
    refunds: {},
  };
  const refunds = { ...base.refunds };
  const refund = observation.refund;
  if (refund) {
    const known = refunds[refund.id];
    refunds[refund.id] = known ? { amount: known.amount, status: higher(REFUND_RANK, known.status, refund.status) } : { amount: refund.amount, status: refund.status };
  }
  // A refund, whatever its state, means the payment was captured.
  let status = higher(PAYMENT_RANK, base.status, refund ? 'captured' : 'created');
  if (observation.status) status = higher(PAYMENT_RANK, status, observation.status);
  const processed = Object.values(refunds)
    .filter((r) => r.status === 'processed')
    .reduce((sum, r) => sum + r.amount, 0);
  const amountRefunded = Math.max(base.amountRefunded, processed, observation.amountRefunded ?? 0);
  if (amountRefunded > 0 && amountRefunded >= base.amount) status = 'refunded';
  // The error belongs to the failure the payment is in now: it goes once the payment moves past it.
  const error = !isFailure(status)
    ? null
    : base.status === status && (base.errorCode || base.errorDescription)
      ? { code: base.errorCode, description: base.errorDescription }
      : observation.status === status
        ? observation.error
        : null;
  const next: PaymentState = {
    status,
    amount: base.amount,
    method: base.method ?? observation.method,
    errorCode: error?.code ?? null,
    errorDescription: error?.description ?? null,
    amountRefunded,
    refunds,
  };
  return { next, changed: current === null || !samePayment(current, next) };
}

function samePayment(a: PaymentState, b: PaymentState): boolean {
  if (a.status !== b.status || a.method !== b.method || a.amountRefunded !== b.amountRefunded) return false;
  if (a.errorCode !== b.errorCode || a.errorDescription !== b.errorDescription) return false;
  const ids = Object.keys(b.refunds);
  return ids.length === Object.keys(a.refunds).length && ids.every((id) => a.refunds[id]?.status === b.refunds[id]!.status);
}

/**
 * An order's status follows from its payments: any captured payment makes it PAID for good (later
 * failed attempts cannot undo it), refunds move it on to partially refunded or REFUNDED.
 */
export function orderStatusOf(payments: readonly Pick<PaymentState, 'status' | 'amount' | 'amountRefunded'>[]): OrderStatus {
  const captured = payments.filter((p) => p.status === 'captured' || p.status === 'refunded');
  if (captured.length > 0) {
    const paid = captured.reduce((sum, p) => sum + p.amount, 0);
    const refunded = captured.reduce((sum, p) => sum + Math.min(p.amountRefunded, p.amount), 0);
    if (refunded === 0) return 'paid';
    return refunded >= paid ? 'refunded' : 'partially_refunded';
  }
  if (payments.some((p) => p.status === 'authorized' || p.status === 'pending')) return 'processing';
  if (payments.some((p) => isFailure(p.status))) return 'failed';
  return 'created';
}
