import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { applyDelivery, type Delivery } from '@/db/queries/apply-delivery';
import { createApp, getApp } from '@/db/queries/apps';
import { createMerchant } from '@/db/queries/merchants';
import { readOrderState } from '@/db/queries/order-state';
import { getOrder, insertOrder } from '@/db/queries/orders';
import { listOrderPayments } from '@/db/queries/payments';
import { webhookEvents } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import { newOrderId } from '@/lib/ids';
import { planPayment, recordAndApply } from './apply';
import type { PaymentObservation } from './state';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** An app of its own with one order (`order_1`, ₹500) for each test. */
async function newOrder() {
  const merchantId = (await createMerchant(database.db, { email: `apply-${randomBytes(4).toString('hex')}@example.com`, passwordHash: 'x' }))!.id;
  const { publicId } = await createApp(database.db, { merchantId, name: 'Apply Shop', email: 'a@example.com', country: 'IN' });
  const appId = (await getApp(database.db, { merchantId, publicId }))!.id;
  const order = await insertOrder(database.db, { id: newOrderId(), appId, gateway: 'razorpay', gatewayOrderId: 'order_1', amount: 50_000, currency: 'INR', mode: 'test' });
  return { appId, order };
}

type Event = { name: string; payment: string; observation: PaymentObservation };
const observed = (status: PaymentObservation['status'], extra: Partial<PaymentObservation> = {}): PaymentObservation => ({
  status,
  amount: 50_000,
  method: 'upi',
  error: status === 'failed' ? { code: 'BAD_REQUEST_ERROR', description: 'Payment failed' } : null,
  ...extra,
});

// Two payments of one order: a late-authorised one captured and refunded in two parts, and a failed one.
const EVENTS: Event[] = [
  { name: 'pay_1 failed', payment: 'pay_1', observation: observed('failed') },
  { name: 'pay_1 authorized', payment: 'pay_1', observation: observed('authorized') },
  { name: 'pay_1 captured', payment: 'pay_1', observation: observed('captured') },
  { name: 'pay_1 refund 1', payment: 'pay_1', observation: observed('captured', { refund: { id: 'rfnd_1', amount: 20_000, status: 'processed' } }) },
  { name: 'pay_1 refund 2 pending', payment: 'pay_1', observation: observed('captured', { refund: { id: 'rfnd_2', amount: 30_000, status: 'pending' } }) },
  { name: 'pay_1 refund 2', payment: 'pay_1', observation: observed('captured', { refund: { id: 'rfnd_2', amount: 30_000, status: 'processed' } }) },
  { name: 'pay_2 failed', payment: 'pay_2', observation: observed('failed') },
];

function deliveryOf(appId: string, event: Event, copy = 0): Delivery {
  const payload = JSON.stringify({ event: event.name });
  const sha = createHash('sha256').update(payload).digest('hex');
  return {
    appId,
    connectionId: null,
    gateway: 'razorpay',
    source: 'webhook',
    eventId: `evt_${copy}`,
    eventType: event.name,
    dedupKey: sha,
    bodySha256: sha,
    gatewayOrderId: 'order_1',
    gatewayPaymentId: event.payment,
    headers: { 'x-razorpay-event-id': `evt_${copy}` },
    payload,
  };
}

const deliver = (appId: string, event: Event, copy = 0, optimisticAttempts?: number) =>
  recordAndApply(
    database.db,
    deliveryOf(appId, event, copy),
    { gatewayOrderId: 'order_1', payment: { gatewayPaymentId: event.payment, observation: event.observation } },
    { optimisticAttempts },
  );

describe('recordAndApply', () => {
  it('writes nothing against an order that changed since it was read, and says so', async () => {
    const { appId, order } = await newOrder();
    const before = (await readOrderState(database.db, { appId, gateway: 'razorpay', gatewayOrderId: 'order_1' }))!;
    expect(before).toMatchObject({ id: order.id, appId, amount: 50_000, currency: 'INR', status: 'created', payments: [] });
    expect(await deliver(appId, EVENTS[1]!)).toBe('applied');
    // A capture planned on the state read before the authorisation was applied.
    const event = EVENTS[2]!;
    const write = planPayment(before, event.payment, event.observation);
    expect(await applyDelivery(database.db, deliveryOf(appId, event), { order: before, outcome: 'applied', write, events: [] })).toEqual({ current: false, claimed: false, queued: 0 });
    const rows = await database.db.select().from(webhookEvents).where(eq(webhookEvents.appId, appId));
    expect(rows.map((r) => r.eventType)).toEqual(['pay_1 authorized']);
    expect((await getOrder(database.db, { appId, orderId: order.id }))!.status).toBe('processing');
    // Read again, it applies.
    expect(await deliver(appId, event)).toBe('applied');
    expect((await getOrder(database.db, { appId, orderId: order.id }))!.status).toBe('paid');
  });

  for (const [label, optimisticAttempts] of [
    ['optimistically', undefined],
    ['under the order lock', 0],
  ] as const) {
    it(`${label}: many events for one order at once, each three times, change its state once each and end in the in-order state`, async () => {
      const { appId, order } = await newOrder();
      const results = await Promise.all(
        EVENTS.flatMap((event) => [0, 1, 2].map((copy) => deliver(appId, event, copy, optimisticAttempts).then((outcome) => ({ event: event.name, outcome })))),
      );
      for (const event of EVENTS) {
        const outcomes = results.filter((r) => r.event === event.name).map((r) => r.outcome);
        expect(outcomes.filter((o) => o === 'duplicate'), event.name).toHaveLength(2);
        expect(['applied', 'stale']).toContain(outcomes.find((o) => o !== 'duplicate'));
      }
      const rows = await database.db.select().from(webhookEvents).where(eq(webhookEvents.appId, appId));
      expect(rows).toHaveLength(EVENTS.length * 3);
      expect(rows.filter((r) => r.dedupKey !== null)).toHaveLength(EVENTS.length);
      const payments = await listOrderPayments(database.db, { appId, orderId: order.id });
      expect(payments.map((p) => [p.gatewayPaymentId, p.status, p.amountRefunded]).sort()).toEqual([
        ['pay_1', 'refunded', 50_000],
        ['pay_2', 'failed', 0],
      ]);
      const refunds = payments.find((p) => p.gatewayPaymentId === 'pay_1')!.refunds;
      expect(refunds.map((r) => [r.gatewayRefundId, r.status]).sort()).toEqual([['rfnd_1', 'processed'], ['rfnd_2', 'processed']]);
      expect(payments.find((p) => p.gatewayPaymentId === 'pay_2')).toMatchObject({ errorCode: 'BAD_REQUEST_ERROR' });
      expect((await getOrder(database.db, { appId, orderId: order.id }))!.status).toBe('refunded');
      // The same events one by one, in order, on a fresh order: the same end.
      const sequential = await newOrder();
      for (const event of EVENTS) await deliver(sequential.appId, event);
      const again = await listOrderPayments(database.db, { appId: sequential.appId, orderId: sequential.order.id });
      const shape = (ps: typeof payments) => ps.map((p) => [p.gatewayPaymentId, p.status, p.amountRefunded, p.errorCode, p.refunds.map((r) => r.status).sort()]).sort();
      expect(shape(payments)).toEqual(shape(again));
    });
  }

  it('a delivery for an order we did not make is ignored, once', async () => {
    const { appId } = await newOrder();
    const event = EVENTS[2]!;
    const other = () =>
      recordAndApply(database.db, { ...deliveryOf(appId, event), gatewayOrderId: 'order_elsewhere' }, {
        gatewayOrderId: 'order_elsewhere',
        payment: { gatewayPaymentId: event.payment, observation: event.observation },
      });
    expect(await Promise.all([other(), other(), other()])).toEqual(expect.arrayContaining(['ignored', 'duplicate', 'duplicate']));
    expect(await listOrderPayments(database.db, { appId, orderId: 'ord_none' })).toEqual([]);
  });
});
