import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCashfreeWebhook } from '@/lib/gateways/cashfree-webhook';
import { applyObservation, orderStatusOf, type PaymentObservation, type PaymentState } from './state';
import { paymentObservationOf } from './observation';

const AMOUNT = 50_000;
const failure = { code: 'BAD_REQUEST_ERROR', description: 'Payment failed' };

/** One payment's events, in the order they happen (a late authorisation: failed first). */
const IN_ORDER: Record<string, PaymentObservation> = {
  'payment.failed': { status: 'failed', amount: AMOUNT, method: 'upi', error: failure },
  'payment.authorized': { status: 'authorized', amount: AMOUNT, method: 'upi', error: null },
  'payment.captured': { status: 'captured', amount: AMOUNT, method: 'upi', error: null },
  'order.paid': { status: 'captured', amount: AMOUNT, method: 'upi', error: null },
  'refund.created': { status: 'captured', amount: AMOUNT, method: 'upi', error: null, refund: { id: 'rfnd_1', amount: 20_000, status: 'pending' } },
  'refund.processed': { status: 'captured', amount: AMOUNT, method: 'upi', error: null, refund: { id: 'rfnd_1', amount: 20_000, status: 'processed' } },
};
const NAMES = Object.keys(IN_ORDER);

function fold(names: readonly string[], events = IN_ORDER): { state: PaymentState | null; changes: number } {
  let state: PaymentState | null = null;
  let changes = 0;
  for (const name of names) {
    const { next, changed } = applyObservation(state, events[name]!, AMOUNT);
    state = next;
    if (changed) changes++;
  }
  return { state, changes };
}

const inOrder = (names: readonly string[]) => NAMES.filter((n) => names.includes(n));

describe('the payment state machine', () => {
  it('every arrival order of any of the events, repeated or not, ends in the in-order final state', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 12 }), (arrived) => {
        const final = fold(arrived).state!;
        expect(final).toEqual(fold(inOrder(arrived)).state);
        expect(orderStatusOf([final])).toBe(orderStatusOf([fold(inOrder(arrived)).state!]));
      }),
      { numRuns: 2000 },
    );
  });

  it('every permutation of authorized / captured / failed / order.paid / refund.processed ends refunded-in-part, as in order', () => {
    const five = ['payment.authorized', 'payment.captured', 'payment.failed', 'order.paid', 'refund.processed'];
    fc.assert(
      fc.property(fc.shuffledSubarray(five, { minLength: 5, maxLength: 5 }), (arrived) => {
        const { state } = fold(arrived);
        expect(state).toMatchObject({ status: 'captured', amountRefunded: 20_000, errorCode: null });
        expect(orderStatusOf([state!])).toBe('partially_refunded');
      }),
    );
    const full = { ...IN_ORDER, 'refund.processed': { ...IN_ORDER['refund.processed']!, refund: { id: 'rfnd_1', amount: AMOUNT, status: 'processed' as const } } };
    fc.assert(
      fc.property(fc.shuffledSubarray(five, { minLength: 5, maxLength: 5 }), (arrived) => {
        const { state } = fold(arrived, full);
        expect(state).toMatchObject({ status: 'refunded', amountRefunded: AMOUNT });
        expect(orderStatusOf([state!])).toBe('refunded');
      }),
    );
  });

  it('late authorisation: failed → authorized → captured ends captured, and so does captured before failed', () => {
    const late = fold(['payment.failed', 'payment.authorized', 'payment.captured']);
    expect(late.state).toMatchObject({ status: 'captured', errorCode: null });
    expect(late.changes).toBe(3);
    const early = fold(['payment.captured', 'payment.failed', 'payment.authorized']);
    expect(early.state).toEqual(late.state);
    // Once captured, the failure and the authorisation are stale: they change nothing.
    expect(early.changes).toBe(1);
    expect(fold(['payment.failed']).state).toMatchObject({ status: 'failed', errorCode: 'BAD_REQUEST_ERROR' });
  });

  it('a stale event changes nothing', () => {
    const captured = fold(['payment.captured']).state!;
    for (const name of ['payment.authorized', 'payment.failed', 'order.paid']) {
      const { next, changed } = applyObservation(captured, IN_ORDER[name]!, AMOUNT);
      expect(changed).toBe(false);
      expect(next).toEqual(captured);
    }
  });

  it('an order with a captured payment stays PAID whatever its other attempts do; refunds move it on, never back', () => {
    const paid = fold(['payment.captured']).state!;
    const failedAttempt = fold(['payment.failed']).state!;
    expect(orderStatusOf([failedAttempt])).toBe('failed');
    expect(orderStatusOf([failedAttempt, paid])).toBe('paid');
    expect(orderStatusOf([paid, failedAttempt, fold(['payment.authorized']).state!])).toBe('paid');
    expect(orderStatusOf([fold(['payment.authorized']).state!])).toBe('processing');
    expect(orderStatusOf([])).toBe('created');
    const refunded = fold(['payment.captured', 'refund.processed']).state!;
    expect(orderStatusOf([refunded])).toBe('partially_refunded');
    // A later capture event of the refunded payment does not take it back to PAID.
    expect(applyObservation(refunded, IN_ORDER['payment.captured']!, AMOUNT).changed).toBe(false);
  });
});

describe("Cashfree's payment statuses on the same machine", () => {
  const body = (type: string, status: string) =>
    JSON.stringify({
      data: {
        order: { order_id: 'ks_1', order_amount: 500.0, order_currency: 'INR' },
        payment: { cf_payment_id: 77, payment_status: status, payment_amount: 500.0, payment_currency: 'INR', payment_group: 'upi' },
        error_details: status === 'SUCCESS' ? null : { error_code: 'TXN_FAILED', error_description: 'declined' },
      },
      event_time: '2026-11-22T10:00:00+05:30',
      type,
    });
  const observe = (type: string, status: string) => paymentObservationOf(parseCashfreeWebhook(body(type, status), {}))!.observation;

  it('maps SUCCESS, FAILED, USER_DROPPED, PENDING, NOT_ATTEMPTED, CANCELLED and VOID', () => {
    const statusOf = (type: string, status: string) => applyObservation(null, observe(type, status), AMOUNT).next.status;
    expect(statusOf('PAYMENT_SUCCESS_WEBHOOK', 'SUCCESS')).toBe('captured');
    expect(statusOf('PAYMENT_FAILED_WEBHOOK', 'FAILED')).toBe('failed');
    expect(statusOf('PAYMENT_USER_DROPPED_WEBHOOK', 'USER_DROPPED')).toBe('dropped');
    expect(statusOf('PAYMENT_FAILED_WEBHOOK', 'PENDING')).toBe('pending');
    expect(statusOf('PAYMENT_FAILED_WEBHOOK', 'NOT_ATTEMPTED')).toBe('created');
    expect(statusOf('PAYMENT_FAILED_WEBHOOK', 'CANCELLED')).toBe('failed');
    expect(statusOf('PAYMENT_FAILED_WEBHOOK', 'VOID')).toBe('failed');
    expect(observe('PAYMENT_SUCCESS_WEBHOOK', 'SUCCESS')).toMatchObject({ amount: AMOUNT, method: 'upi' });
  });

  it('a success after a drop or a failure wins, in either order; the order is PAID, PROCESSING while pending, FAILED when dropped', () => {
    const names = ['PENDING', 'USER_DROPPED', 'FAILED', 'SUCCESS'] as const;
    const type = { PENDING: 'PAYMENT_FAILED_WEBHOOK', USER_DROPPED: 'PAYMENT_USER_DROPPED_WEBHOOK', FAILED: 'PAYMENT_FAILED_WEBHOOK', SUCCESS: 'PAYMENT_SUCCESS_WEBHOOK' };
    fc.assert(
      fc.property(fc.shuffledSubarray([...names], { minLength: 1 }), (arrived) => {
        let state: PaymentState | null = null;
        for (const s of arrived) state = applyObservation(state, observe(type[s], s), AMOUNT).next;
        let expected: PaymentState | null = null;
        for (const s of names.filter((n) => arrived.includes(n))) expected = applyObservation(expected, observe(type[s], s), AMOUNT).next;
        expect(state).toEqual(expected);
        const order = orderStatusOf([state!]);
        if (arrived.includes('SUCCESS')) expect(order).toBe('paid');
        else if (arrived.includes('USER_DROPPED') || arrived.includes('FAILED')) expect(order).toBe('failed');
        else expect(order).toBe('processing');
      }),
    );
  });
});
