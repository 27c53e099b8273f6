import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadOverview } from '@/lib/overview/load-overview';
import { newOrderId } from '@/lib/ids';
import type { Db } from '../client';
import { orders } from '../schema';
import { withTestDatabase } from '../test-db';
import { createApp, getApp } from './apps';
import { createMerchant } from './merchants';
import { dailyOrderTotals, listOrderModes } from './overview';

let db: Db;
withTestDatabase((handle) => (db = handle));

async function newApp() {
  const merchantId = (await createMerchant(db, { email: `ov-${randomBytes(4).toString('hex')}@example.com`, passwordHash: 'x' }))!.id;
  const created = await createApp(db, { merchantId, name: 'Overview Shop', email: 'o@example.com', country: 'IN' });
  return (await getApp(db, { merchantId, publicId: created.publicId }))!;
}

type Status = (typeof orders.$inferSelect)['status'];
const addOrders = (appId: string, list: { at: Date; status: Status; amount?: number; currency?: string; mode?: 'test' | 'live' }[]) =>
  db.insert(orders).values(
    list.map((o, i) => ({
      id: newOrderId(),
      appId,
      gateway: 'razorpay' as const,
      gatewayOrderId: `order_${randomBytes(6).toString('hex')}_${i}`,
      amount: o.amount ?? 10_000,
      currency: o.currency ?? 'INR',
      status: o.status,
      mode: o.mode ?? 'test',
      createdAt: o.at,
    })),
  );

const IST_MS = 5.5 * 3600_000;
/** Today's IST midnight as an instant, and an instant `days` before plus `hours` into that day. */
const istMidnight = () => {
  const now = Date.now();
  return new Date(Math.floor((now + IST_MS) / 86_400_000) * 86_400_000 - IST_MS);
};
const istDay = (days: number, hours = 1) => new Date(istMidnight().getTime() - days * 86_400_000 + hours * 3600_000);

describe('the App Overview', () => {
  it('totals today and the last 30 days per IST day and currency, one mode only, with a success rate', async () => {
    const app = await newApp();
    await addOrders(app.id, [
      { at: istDay(0), status: 'paid', amount: 50_000 },
      { at: istDay(0), status: 'failed' },
      { at: istDay(0), status: 'created' },
      { at: istDay(0), status: 'paid', amount: 700, currency: 'USD' },
      { at: istDay(3), status: 'refunded', amount: 20_000 },
      { at: istDay(3), status: 'partially_refunded', amount: 30_000 },
      { at: istDay(3), status: 'failed' },
      { at: istDay(29), status: 'paid', amount: 1_000 },
      // Outside the window, or in the other mode: not counted.
      { at: istDay(30), status: 'paid', amount: 99_999 },
      { at: istDay(0), status: 'paid', amount: 88_888, mode: 'live' },
    ]);
    const overview = await loadOverview(db, app);
    expect(overview.mode).toBe('test');
    expect(overview.modes).toEqual(['test', 'live']);
    expect(overview.today).toEqual({
      orders: 4,
      paid: 2,
      failed: 1,
      successRate: 2 / 3,
      paidAmounts: [{ currency: 'INR', amount: 50_000 }, { currency: 'USD', amount: 700 }],
    });
    expect(overview.last30).toMatchObject({ orders: 8, paid: 5, failed: 2, successRate: 5 / 7 });
    expect(overview.last30.paidAmounts).toEqual([{ currency: 'INR', amount: 101_000 }, { currency: 'USD', amount: 700 }]);
    expect(overview.chartCurrency).toBe('INR');
    expect(overview.days).toHaveLength(30);
    expect(overview.days.at(-1)).toMatchObject({ paidAmount: 50_000, paid: 2, failed: 1 });
    expect(overview.days.at(-4)).toMatchObject({ paidAmount: 50_000, paid: 2, failed: 1 });
    expect(overview.days[0]).toMatchObject({ paidAmount: 1_000, paid: 1, failed: 0 });
    expect(overview.days.filter((d) => d.paid + d.failed > 0)).toHaveLength(3);
    expect(overview.health).toBeNull();

    const live = await loadOverview(db, app, 'live');
    expect(live).toMatchObject({ mode: 'live', today: { orders: 1, paidAmounts: [{ currency: 'INR', amount: 88_888 }] } });
  });

  it('days are IST days: 23:30 UTC is the next day in India', async () => {
    const app = await newApp();
    // Yesterday 18:00 UTC is 23:30 IST yesterday; 18:31 UTC is 00:01 IST today.
    const midnight = istMidnight();
    await addOrders(app.id, [
      { at: new Date(midnight.getTime() - 60_000), status: 'paid', amount: 100 },
      { at: new Date(midnight.getTime() + 60_000), status: 'paid', amount: 200 },
    ]);
    const rows = await dailyOrderTotals(db, { appId: app.id, mode: 'test', days: 2 });
    expect(rows.map((r) => r.paidAmount)).toEqual([100, 200]);
    expect(rows[0]!.day < rows[1]!.day).toBe(true);
    const overview = await loadOverview(db, app);
    expect(overview.today.paidAmounts).toEqual([{ currency: 'INR', amount: 200 }]);
  });

  it('an app without orders or a gateway: zeros, no rate, test mode; a mode it does not have is not offered', async () => {
    const app = await newApp();
    expect(await listOrderModes(db, { appId: app.id })).toEqual([]);
    const overview = await loadOverview(db, app, 'live');
    expect(overview).toMatchObject({ mode: 'test', modes: ['test'], today: { orders: 0, successRate: null, paidAmounts: [] } });
    expect(overview.days.every((d) => d.paidAmount === 0 && d.failed === 0)).toBe(true);
  });

  it("never counts another app's orders", async () => {
    const mine = await newApp();
    const theirs = await newApp();
    await addOrders(theirs.id, [{ at: istDay(0), status: 'paid' }]);
    expect((await loadOverview(db, mine)).last30.orders).toBe(0);
  });
});
