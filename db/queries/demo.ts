import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { apps, demoSeeds } from '../schema';

// The living demo of a fresh embedded database (lib/demo.ts). Nothing else reads or writes these.

export async function insertDemoSeed(db: Db, params: { appId: string }) {
  await db.insert(demoSeeds).values({ appId: params.appId }).onConflictDoNothing();
}

/** The demo app's marker with its owner (an embedded database holds at most one). */
export async function findDemoSeed(db: Db) {
  const [row] = await db
    .select({ appId: demoSeeds.appId, status: demoSeeds.status, merchantId: apps.merchantId, publicId: apps.publicId, email: apps.email })
    .from(demoSeeds)
    .innerJoin(apps, eq(apps.id, demoSeeds.appId))
    .limit(1);
  return row ?? null;
}

/** Moves a marker from `from` to `to`; false when it was not in `from` (another run has it). */
export async function moveDemoSeed(
  db: Db,
  params: { appId: string; from: 'pending' | 'running'; to: 'running' | 'done' | 'failed' },
) {
  const rows = await db
    .update(demoSeeds)
    .set(params.to === 'running' ? { status: 'running', startedAt: sql`now()` } : { status: params.to, finishedAt: sql`now()` })
    .where(and(eq(demoSeeds.appId, params.appId), eq(demoSeeds.status, params.from)))
    .returning({ appId: demoSeeds.appId });
  return rows.length > 0;
}

/**
 * Demo only: moves each listed order of the app to its new creation time, and its payments, refunds
 * and delivery-log rows by the same amount, so a demo made in a minute reads like weeks of trade.
 */
export async function spreadDemoTimes(db: Db, params: { appId: string; times: { orderId: string; at: Date }[] }) {
  const plan = JSON.stringify(params.times.map((t) => ({ order_id: t.orderId, at: t.at.toISOString() })));
  const result = await db.execute<{ orders: number; payments: number; refunds: number; events: number }>(sql`
    with plan as (
      select o.id, t.at - o.created_at as delta
      from jsonb_to_recordset(${plan}::jsonb) as t(order_id text, at timestamptz)
      join orders o on o.id = t.order_id and o.app_id = ${params.appId}
    ), moved_orders as (
      update orders set created_at = orders.created_at + plan.delta, updated_at = orders.updated_at + plan.delta
      from plan where orders.id = plan.id and orders.app_id = ${params.appId}
      returning orders.id
    ), moved_payments as (
      update payments set created_at = payments.created_at + plan.delta, updated_at = payments.updated_at + plan.delta
      from plan where payments.order_id = plan.id and payments.app_id = ${params.appId}
      returning payments.id, plan.delta
    ), moved_refunds as (
      update refunds set created_at = refunds.created_at + moved.delta, updated_at = refunds.updated_at + moved.delta
      from moved_payments moved where refunds.payment_id = moved.id and refunds.app_id = ${params.appId}
      returning refunds.id
    ), moved_events as (
      update webhook_events set received_at = webhook_events.received_at + plan.delta
      from plan where webhook_events.order_id = plan.id and webhook_events.app_id = ${params.appId}
      returning webhook_events.id
    )
    select (select count(*) from moved_orders)::int as orders, (select count(*) from moved_payments)::int as payments,
      (select count(*) from moved_refunds)::int as refunds, (select count(*) from moved_events)::int as events
  `);
  // postgres.js answers an array of rows, PGlite an object holding them.
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows;
  return rows[0] as { orders: number; payments: number; refunds: number; events: number };
}
