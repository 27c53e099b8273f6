import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import type { Delivery } from '@/db/queries/apply-delivery';
import { createApp, getApp } from '@/db/queries/apps';
import { createMerchant } from '@/db/queries/merchants';
import { getOrder, insertOrder } from '@/db/queries/orders';
import { pruneMerchantEvents } from '@/db/queries/outbound-deliveries';
import { merchantEvents, outboundDeliveries } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import { newOrderId } from '@/lib/ids';
import { recordAndApply } from '@/lib/payments/apply';
import type { PaymentObservation } from '@/lib/payments/state';
import { createEndpoint, setEndpointEnabled } from './endpoints';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

async function newOrder() {
  const merchantId = (await createMerchant(database.db, { email: `outbox-${randomBytes(4).toString('hex')}@example.com`, passwordHash: 'x' }))!.id;
  const { publicId } = await createApp(database.db, { merchantId, name: 'Outbox Shop', email: 'o@example.com', country: 'IN' });
  const appId = (await getApp(database.db, { merchantId, publicId }))!.id;
  const order = await insertOrder(database.db, {
    id: newOrderId(),
    appId,
    gateway: 'razorpay',
    gatewayOrderId: 'order_1',
    amount: 50_000,
    currency: 'INR',
    mode: 'test',
    receipt: 'rcpt_7',
    customerEmail: 'buyer@example.com',
  });
  return { appId, merchantId, order };
}

const observed = (status: PaymentObservation['status'], extra: Partial<PaymentObservation> = {}): PaymentObservation => ({
  status,
  amount: 50_000,
  method: 'upi',
  error: status === 'failed' ? { code: 'BAD_REQUEST_ERROR', description: 'Payment failed' } : null,
  ...extra,
});

function delivery(appId: string, name: string, payment = 'pay_1'): Delivery {
  const payload = JSON.stringify({ event: name });
  const sha = createHash('sha256').update(payload).digest('hex');
  return { appId, connectionId: null, gateway: 'razorpay', source: 'webhook', eventId: null, eventType: name, dedupKey: sha, bodySha256: sha, gatewayOrderId: 'order_1', gatewayPaymentId: payment, headers: {}, payload };
}

const apply = (db: Database['db'], appId: string, name: string, observation: PaymentObservation, payment = 'pay_1') =>
  recordAndApply(db, delivery(appId, name, payment), { gatewayOrderId: 'order_1', payment: { gatewayPaymentId: payment, observation } });

const eventsOf = (appId: string) => database.db.select().from(merchantEvents).where(eq(merchantEvents.appId, appId)).orderBy(merchantEvents.createdAt);
const queuedOf = (appId: string) => database.db.select().from(outboundDeliveries).where(eq(outboundDeliveries.appId, appId));

describe('the outbox: events written with the change they tell of', () => {
  it('50 concurrent copies of one capture make one order.paid and one payment.captured, queued once per subscribed endpoint', async () => {
    const { appId, merchantId, order } = await newOrder();
    const actor = { merchantId };
    const all = await createEndpoint(database.db, { appId, mode: 'test' }, { url: 'http://localhost:9/all', events: ['*'] }, actor);
    await createEndpoint(database.db, { appId, mode: 'test' }, { url: 'http://localhost:9/refunds', events: ['refund.processed'] }, actor);
    await createEndpoint(database.db, { appId, mode: 'live' }, { url: 'https://shop.example.com/live', events: ['*'] }, actor);
    const off = await createEndpoint(database.db, { appId, mode: 'test' }, { url: 'http://localhost:9/off', events: ['order.paid'] }, actor);
    await setEndpointEnabled(database.db, { appId, id: off.endpoint.id }, false, actor);

    const outcomes = await Promise.all(Array.from({ length: 50 }, () => apply(database.db, appId, 'captured', observed('captured'))));
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(49);

    const events = await eventsOf(appId);
    expect(events.map((e) => e.type).sort()).toEqual(['order.paid', 'payment.captured']);
    const paid = JSON.parse(events.find((e) => e.type === 'order.paid')!.payload);
    expect(paid).toMatchObject({
      id: expect.stringMatching(/^evt_[0-9A-Za-z]{24}$/),
      type: 'order.paid',
      created: expect.any(Number),
      mode: 'test',
      data: { object: { id: order.id, object: 'order', status: 'PAID', amount: 50_000, amount_paid: 50_000, receipt: 'rcpt_7', customer: { email: 'buyer@example.com' } } },
    });
    const captured = JSON.parse(events.find((e) => e.type === 'payment.captured')!.payload);
    expect(captured.data.object).toMatchObject({ id: 'pay_1', object: 'payment', order_id: order.id, status: 'CAPTURED', method: 'upi' });
    // The enabled test endpoint that wants everything gets both; the disabled one's copy is logged as not sent.
    const queued = await queuedOf(appId);
    expect(queued.map((d) => [d.endpointId, d.eventType, d.status]).sort()).toEqual(
      [
        [all.endpoint.id, 'order.paid', 'pending'],
        [all.endpoint.id, 'payment.captured', 'pending'],
        [off.endpoint.id, 'order.paid', 'failed'],
      ].sort(),
    );
    expect(queued.find((d) => d.endpointId === off.endpoint.id)).toMatchObject({ nextAttemptAt: null, lastError: expect.stringMatching(/disabled/) });
  });

  it('a stale or duplicate delivery makes none; failures, late capture and refunds each make theirs', async () => {
    const { appId } = await newOrder();
    expect(await apply(database.db, appId, 'failed', observed('failed'))).toBe('applied');
    expect(await apply(database.db, appId, 'failed again', observed('failed'))).toBe('stale');
    expect(await apply(database.db, appId, 'failed', observed('failed'))).toBe('duplicate');
    expect((await eventsOf(appId)).map((e) => e.type).sort()).toEqual(['order.failed', 'payment.failed']);
    expect(await apply(database.db, appId, 'authorized late', observed('authorized'))).toBe('applied');
    expect(await apply(database.db, appId, 'captured late', observed('captured'))).toBe('applied');
    const refund = (id: string, amount: number, status: 'pending' | 'processed') => observed('captured', { refund: { id, amount, status } });
    expect(await apply(database.db, appId, 'refund 1 pending', refund('rfnd_1', 20_000, 'pending'))).toBe('applied');
    expect(await apply(database.db, appId, 'refund 1', refund('rfnd_1', 20_000, 'processed'))).toBe('applied');
    expect(await apply(database.db, appId, 'refund 2', refund('rfnd_2', 30_000, 'processed'))).toBe('applied');
    const types = (await eventsOf(appId)).map((e) => e.type);
    expect(types.filter((t) => t !== 'order.failed' && t !== 'payment.failed').sort()).toEqual(
      ['order.paid', 'order.partially_refunded', 'order.refunded', 'payment.captured', 'refund.processed', 'refund.processed'].sort(),
    );
    const refunded = (await eventsOf(appId)).find((e) => e.type === 'order.refunded')!;
    expect(JSON.parse(refunded.payload).data.object).toMatchObject({ status: 'REFUNDED', amount_refunded: 50_000 });
  });

  it('a change rolled back leaves neither the change nor its events', async () => {
    const { appId, order } = await newOrder();
    await expect(
      database.db.transaction(async (tx) => {
        expect(await apply(tx, appId, 'captured', observed('captured'))).toBe('applied');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await eventsOf(appId)).toEqual([]);
    expect((await getOrder(database.db, { appId, orderId: order.id }))!.status).toBe('created');
  });
});

describe('retention', () => {
  it('prunes events past 90 days once nothing is pending, with their deliveries', async () => {
    const { appId, merchantId } = await newOrder();
    const { endpoint } = await createEndpoint(database.db, { appId, mode: 'test' }, { url: 'http://localhost:9/h', events: ['*'] }, { merchantId });
    expect(await apply(database.db, appId, 'captured', observed('captured'))).toBe('applied');
    await database.db.update(merchantEvents).set({ createdAt: new Date(Date.now() - 91 * 24 * 3600_000) }).where(eq(merchantEvents.appId, appId));
    await pruneMerchantEvents(database.db);
    expect(await eventsOf(appId)).toHaveLength(2);
    await database.db.update(outboundDeliveries).set({ status: 'succeeded' }).where(eq(outboundDeliveries.endpointId, endpoint.id));
    await pruneMerchantEvents(database.db);
    expect(await eventsOf(appId)).toEqual([]);
    expect(await queuedOf(appId)).toEqual([]);
  });
});
