import { randomBytes } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '@/lib/transactions/cursor';
import { GATEWAY_NAMES, ORDER_STATUSES } from '@/lib/transactions/view';
import type { Db } from '../client';
import { gatewayName, orderStatus, orders, payments, webhookEvents } from '../schema';
import { withTestDatabase } from '../test-db';
import { createApp, getApp } from './apps';
import { createMerchant } from './merchants';
import { getOrderEvent, hasAnyOrder, listOrderEvents, listTransactions, type TransactionFilters } from './transactions';

let db: Db;
withTestDatabase((handle) => (db = handle));

async function newApp() {
  const merchant = (await createMerchant(db, { email: `tx-${randomBytes(4).toString('hex')}@example.com`, passwordHash: 'x' }))!;
  const created = await createApp(db, { merchantId: merchant.id, name: 'Tx Shop', email: 'shop@example.com', country: 'IN' });
  return (await getApp(db, { merchantId: merchant.id, publicId: created.publicId }))!.id;
}

let seq = 0;
const orderId = () => `ord_${String(++seq).padStart(4, '0')}${randomBytes(6).toString('hex')}`;

type NewOrder = Omit<Partial<typeof orders.$inferInsert>, 'createdAt'> & { appId: string; createdAt?: Date | SQL };
async function addOrder(order: NewOrder, payment?: Partial<typeof payments.$inferInsert>) {
  const id = order.id ?? orderId();
  const gatewayOrderId = order.gatewayOrderId ?? `order_${id.slice(4)}`;
  await db.insert(orders).values({ gateway: 'razorpay', amount: 50_000, currency: 'INR', mode: 'test', ...order, id, gatewayOrderId } as typeof orders.$inferInsert);
  if (payment) {
    await db.insert(payments).values({
      appId: order.appId,
      orderId: id,
      gateway: order.gateway ?? 'razorpay',
      gatewayPaymentId: `pay_${id.slice(4)}`,
      amount: 50_000,
      currency: 'INR',
      status: 'captured',
      ...payment,
    });
  }
  return id;
}

const at = (iso: string) => new Date(iso);

/** Every page of a listing, following next cursors; returns the ids in order. */
async function walk(filters: TransactionFilters, limit: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listTransactions(db, { ...filters, cursor, limit });
    ids.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

describe('listTransactions: keyset pagination', () => {
  let appId: string;
  let other: string;
  /** Newest first, as the page lists them. */
  let expected: string[];

  beforeAll(async () => {
    appId = await newApp();
    other = await newApp();
    // Ties on created_at (three at the same microsecond, two more at another) break on the id.
    const tie = '2026-03-01T10:00:00.123456Z';
    const stamps = ['2026-01-01T00:00:00Z', tie, tie, tie, '2026-02-01T00:00:00.000001Z', '2026-02-01T00:00:00.000001Z', '2026-04-01T00:00:00Z'];
    const ids = [];
    for (const stamp of stamps) ids.push({ id: await addOrder({ appId, createdAt: at(stamp) }), stamp });
    // Microseconds survive: a row 1 µs after the tie sorts apart from it.
    ids.push({ id: await addOrder({ appId, createdAt: sql`'2026-03-01 10:00:00.123457+00'::timestamptz` }), stamp: '2026-03-01T10:00:00.123457Z' });
    for (const stamp of stamps) await addOrder({ appId: other, createdAt: at(stamp) });
    await addOrder({ appId, mode: 'live', createdAt: at('2026-03-15T00:00:00Z') });
    expected = ids
      .sort((a, b) => (a.stamp === b.stamp ? (a.id < b.id ? 1 : -1) : a.stamp < b.stamp ? 1 : -1))
      .map((r) => r.id);
  });

  it('pages of 1, 2, 3 and a page bigger than the list all give every row once, newest first', async () => {
    for (const limit of [1, 2, 3, 50]) expect(await walk({ appId, mode: 'test' }, limit)).toEqual(expected);
  });

  it('the first page has no previous cursor; the last has no next one', async () => {
    const first = await listTransactions(db, { appId, mode: 'test', limit: 3 });
    expect(first.prevCursor).toBeNull();
    expect(first.nextCursor).not.toBeNull();
    const all = await listTransactions(db, { appId, mode: 'test', limit: expected.length });
    expect(all.rows.map((r) => r.id)).toEqual(expected);
    expect(all.nextCursor).toBeNull();
    expect(all.prevCursor).toBeNull();
  });

  it('previous cursors walk back through the same pages, ties included', async () => {
    const pages: string[][] = [];
    let page = await listTransactions(db, { appId, mode: 'test', limit: 2 });
    pages.push(page.rows.map((r) => r.id));
    while (page.nextCursor) {
      page = await listTransactions(db, { appId, mode: 'test', limit: 2, cursor: page.nextCursor });
      pages.push(page.rows.map((r) => r.id));
    }
    expect(page.nextCursor).toBeNull();
    for (let i = pages.length - 2; i >= 0; i--) {
      page = await listTransactions(db, { appId, mode: 'test', limit: 2, cursor: page.prevCursor });
      expect(page.rows.map((r) => r.id)).toEqual(pages[i]);
    }
    expect(page.prevCursor).toBeNull();
  });

  it('going back to fewer than a page of newer rows gives the full first page', async () => {
    const second = await listTransactions(db, { appId, mode: 'test', limit: 3, cursor: (await listTransactions(db, { appId, mode: 'test', limit: 1 })).nextCursor });
    expect(second.rows.map((r) => r.id)).toEqual(expected.slice(1, 4));
    const back = await listTransactions(db, { appId, mode: 'test', limit: 3, cursor: second.prevCursor });
    expect(back.rows.map((r) => r.id)).toEqual(expected.slice(0, 3));
    expect(back.prevCursor).toBeNull();
    expect(back.nextCursor).not.toBeNull();
  });

  it('a cursor is a position: from another filter, or another app, it lists only this view’s older rows', async () => {
    const live = await listTransactions(db, { appId, mode: 'live', limit: 1 });
    const liveRow = live.rows[0]!;
    const position = decodeCursor(encodeCursor({ direction: 'next', id: liveRow.id, createdAtMicros: '1773532800000000' }))!;
    const fromLive = await listTransactions(db, { appId, mode: 'test', limit: 50, cursor: encodeCursor(position) });
    expect(fromLive.rows.map((r) => r.id)).toEqual(expected.slice(1));
    // The other app's first row as a cursor: still only this app's rows.
    const theirs = (await listTransactions(db, { appId: other, mode: 'test', limit: 1 })).nextCursor!;
    const mine = await listTransactions(db, { appId, mode: 'test', limit: 50, cursor: theirs });
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((r) => expected.includes(r.id))).toBe(true);
  });

  it('a malformed cursor is a 400, never a query', async () => {
    for (const cursor of ['x', 'bm90IGEgY3Vyc29y', encodeCursor({ direction: 'next', id: 'ord_x', createdAtMicros: '1' }), '\u0000']) {
      await expect(listTransactions(db, { appId, mode: 'test', limit: 5, cursor })).rejects.toMatchObject({ code: 'bad_request' });
    }
  });

  it('another app’s orders and the other mode never appear', async () => {
    const rows = (await listTransactions(db, { appId, mode: 'test', limit: 100 })).rows;
    expect(rows.map((r) => r.id).sort()).toEqual([...expected].sort());
    expect((await listTransactions(db, { appId, mode: 'live', limit: 100 })).rows).toHaveLength(1);
    expect(await hasAnyOrder(db, { appId })).toBe(true);
    expect(await hasAnyOrder(db, { appId: await newApp() })).toBe(false);
  });
});

describe('listTransactions: filters and search', () => {
  let appId: string;
  let other: string;
  const ids = {} as Record<string, string>;

  beforeAll(async () => {
    appId = await newApp();
    other = await newApp();
    ids.paidUpi = await addOrder({ appId, status: 'paid', createdAt: at('2026-05-10T12:00:00Z'), receipt: 'rcpt_1', customerEmail: 'Asha@Example.com' }, { method: 'upi' });
    ids.failedCard = await addOrder({ appId, status: 'failed', createdAt: at('2026-05-11T12:00:00Z'), receipt: 'rcpt_2' }, { method: 'card', status: 'failed', errorCode: 'BAD_REQUEST_ERROR' });
    ids.cashfree = await addOrder({ appId, gateway: 'cashfree', status: 'paid', createdAt: at('2026-05-12T12:00:00Z'), gatewayOrderId: 'ks_cf_1' }, { method: 'wallet', gatewayPaymentId: '5114917039' });
    ids.refunded = await addOrder({ appId, status: 'partially_refunded', createdAt: at('2026-05-13T12:00:00Z') }, { method: 'upi', amountRefunded: 10_000 });
    // 18:29:59 UTC on the 13th is still the 13th in IST; 18:30 UTC is the 14th.
    ids.lateIst = await addOrder({ appId, status: 'created', createdAt: at('2026-05-13T18:29:59Z') });
    ids.nextIstDay = await addOrder({ appId, status: 'created', createdAt: at('2026-05-13T18:30:00Z') });
    // A second attempt: the order was paid by UPI after a failed card payment.
    ids.retried = await addOrder({ appId, status: 'paid', createdAt: at('2026-05-14T12:00:00Z') }, { method: 'card', status: 'failed', gatewayPaymentId: 'pay_retry_card' });
    await db.insert(payments).values({ appId, orderId: id('retried'), gateway: 'razorpay', gatewayPaymentId: 'pay_retry_upi', amount: 50_000, currency: 'INR', status: 'captured', method: 'upi' });
    // The other app holds look-alikes of everything searched for.
    await addOrder({ appId: other, status: 'paid', receipt: 'rcpt_1', customerEmail: 'asha@example.com', gatewayOrderId: 'ks_cf_1', gateway: 'cashfree' }, { method: 'upi', gatewayPaymentId: '5114917039' });
    await addOrder({ appId: other, status: 'failed' }, { method: 'card' });
  });

  const list = async (filters: Partial<TransactionFilters>) =>
    (await listTransactions(db, { appId, mode: 'test', limit: 50, ...filters })).rows.map((r) => r.id).sort();
  const of = (...names: string[]) => names.map((n) => ids[n]!).sort();
  const id = (name: string) => ids[name]!;

  it('status, gateway and method each narrow the list; together they intersect', async () => {
    expect(await list({ status: 'paid' })).toEqual(of('paidUpi', 'cashfree', 'retried'));
    expect(await list({ status: 'partially_refunded' })).toEqual(of('refunded'));
    expect(await list({ gateway: 'cashfree' })).toEqual(of('cashfree'));
    expect(await list({ method: 'upi' })).toEqual(of('paidUpi', 'refunded', 'retried'));
    // Any payment of the order counts: the failed card attempt too.
    expect(await list({ method: 'card' })).toEqual(of('failedCard', 'retried'));
    expect(await list({ status: 'paid', method: 'card' })).toEqual(of('retried'));
    expect(await list({ status: 'paid', gateway: 'razorpay', method: 'upi' })).toEqual(of('paidUpi', 'retried'));
    expect(await list({ method: 'emi' })).toEqual([]);
  });

  it('the date range is inclusive from, exclusive before', async () => {
    const from = at('2026-05-11T00:00:00Z');
    const before = at('2026-05-13T18:30:00Z');
    expect(await list({ createdFrom: from, createdBefore: before })).toEqual(of('failedCard', 'cashfree', 'refunded', 'lateIst'));
    expect(await list({ createdFrom: before })).toEqual(of('nextIstDay', 'retried'));
  });

  it('q matches exactly our id, the gateway order id, a payment id, the receipt, or the email in any case', async () => {
    expect(await list({ q: id('paidUpi') })).toEqual(of('paidUpi'));
    expect(await list({ q: 'ks_cf_1' })).toEqual(of('cashfree'));
    expect(await list({ q: '5114917039' })).toEqual(of('cashfree'));
    expect(await list({ q: 'pay_retry_card' })).toEqual(of('retried'));
    expect(await list({ q: 'rcpt_2' })).toEqual(of('failedCard'));
    expect(await list({ q: 'asha@example.COM' })).toEqual(of('paidUpi'));
    // Exact, not a prefix or substring.
    expect(await list({ q: 'rcpt_' })).toEqual([]);
    expect(await list({ q: 'asha' })).toEqual([]);
    expect(await list({ q: id('paidUpi').slice(0, -1) })).toEqual([]);
    // With a filter, both apply.
    expect(await list({ q: 'rcpt_1', status: 'failed' })).toEqual([]);
    // Odd input is a search for exactly that, nothing more.
    expect(await list({ q: "' or 1=1 --" })).toEqual([]);
    expect(await list({ q: '%' })).toEqual([]);
    expect(await list({ q: 'ऑर्डर 🧾' })).toEqual([]);
    expect(await list({ q: 'x'.repeat(254) })).toEqual([]);
  });

  it('rows carry what the page shows: the deciding payment’s method and the refunded amount', async () => {
    const rows = (await listTransactions(db, { appId, mode: 'test', limit: 50 })).rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(id('retried'))).toMatchObject({ method: 'upi', amountRefunded: 0, status: 'paid' });
    expect(byId.get(id('refunded'))).toMatchObject({ method: 'upi', amountRefunded: 10_000, amount: 50_000 });
    expect(byId.get(id('lateIst'))).toMatchObject({ method: null, amountRefunded: 0, customerEmail: null });
    expect(byId.get(id('paidUpi'))!.createdAt).toEqual(at('2026-05-10T12:00:00Z'));
  });

  it('the client-side lists match the schema’s enums', () => {
    expect([...ORDER_STATUSES].sort()).toEqual([...orderStatus.enumValues].sort());
    expect([...GATEWAY_NAMES].sort()).toEqual([...gatewayName.enumValues].sort());
  });
});

describe('an order’s timeline', () => {
  it('lists every delivery naming the gateway order, copies without an order id included, and only the app’s', async () => {
    const appId = await newApp();
    const other = await newApp();
    const id = await addOrder({ appId, gatewayOrderId: 'order_timeline1' });
    const event = (values: Partial<typeof webhookEvents.$inferInsert> & { appId: string }) =>
      db
        .insert(webhookEvents)
        .values({ gateway: 'razorpay', outcome: 'applied', bodySha256: 'a'.repeat(64), payload: '{}', gatewayOrderId: 'order_timeline1', ...values })
        .returning({ id: webhookEvents.id });
    const [applied] = await event({ appId, orderId: id, eventType: 'payment.captured', receivedAt: at('2026-05-01T00:00:01Z') });
    await event({ appId, outcome: 'duplicate', eventType: 'payment.captured', receivedAt: at('2026-05-01T00:00:02Z') });
    await event({ appId, outcome: 'ignored', eventType: 'payment.failed', receivedAt: at('2026-05-01T00:00:00Z') });
    await event({ appId, source: 'sync', outcome: 'stale', orderId: id, eventType: 'sync.payment', receivedAt: at('2026-05-01T00:00:03Z') });
    const [theirs] = await event({ appId: other, eventType: 'payment.captured' });
    await event({ appId, gatewayOrderId: 'order_other', eventType: 'payment.captured' });

    const { events, truncated } = await listOrderEvents(db, { appId, gateway: 'razorpay', gatewayOrderId: 'order_timeline1' });
    expect(truncated).toBe(false);
    expect(events.map((e) => [e.source, e.outcome])).toEqual([
      ['webhook', 'ignored'],
      ['webhook', 'applied'],
      ['webhook', 'duplicate'],
      ['sync', 'stale'],
    ]);
    expect(await getOrderEvent(db, { appId, orderId: id, eventId: applied!.id })).toMatchObject({ payload: '{}', eventType: 'payment.captured' });
    expect(await getOrderEvent(db, { appId, orderId: id, eventId: theirs!.id })).toBeNull();
    expect(await getOrderEvent(db, { appId: other, orderId: id, eventId: theirs!.id })).toBeNull();
  });
});
