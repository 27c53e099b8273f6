import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { orders } from '../schema';

/** Days on the Overview are Indian Standard Time days: the merchants' and the gateways' own. */
export const OVERVIEW_TIME_ZONE = 'Asia/Kolkata';

type Mode = 'test' | 'live';

// An order counts as paid once captured, whatever refunds came after.
const PAID = sql`${orders.status} in ('paid', 'partially_refunded', 'refunded')`;
const FAILED = sql`${orders.status} = 'failed'`;

/**
 * The app's orders in one mode for the last `days` days (today included), per IST day of their
 * creation and currency, in one pass over the (app_id, mode, created_at) index.
 */
export async function dailyOrderTotals(db: Db, params: { appId: string; mode: Mode; days: number }) {
  const tz = sql.raw(`'${OVERVIEW_TIME_ZONE}'`);
  // Grouped on the day's start (a timestamp, cheap to hash) and formatted once per group.
  const dayStart = sql`date_trunc('day', ${orders.createdAt} at time zone ${tz})`;
  const day = sql<string>`to_char(${dayStart}, 'YYYY-MM-DD')`;
  const from = sql`(date_trunc('day', now() at time zone ${tz}) - ${params.days - 1} * interval '1 day') at time zone ${tz}`;
  return db
    .select({
      day,
      currency: orders.currency,
      orders: sql<number>`count(*)`.mapWith(Number),
      paid: sql<number>`count(*) filter (where ${PAID})`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${FAILED})`.mapWith(Number),
      paidAmount: sql<number>`coalesce(sum(${orders.amount}) filter (where ${PAID}), 0)`.mapWith(Number),
    })
    .from(orders)
    .where(and(eq(orders.appId, params.appId), eq(orders.mode, params.mode), sql`${orders.createdAt} >= ${from}`))
    .groupBy(dayStart, orders.currency)
    .orderBy(dayStart, orders.currency);
}

/** The modes the app has orders in (an index probe each). */
export async function listOrderModes(db: Db, params: { appId: string }): Promise<Mode[]> {
  const probe = (mode: Mode) =>
    db.select({ id: orders.id }).from(orders).where(and(eq(orders.appId, params.appId), eq(orders.mode, mode))).limit(1);
  const [test, live] = await Promise.all([probe('test'), probe('live')]);
  return [...(test.length ? (['test'] as const) : []), ...(live.length ? (['live'] as const) : [])];
}
