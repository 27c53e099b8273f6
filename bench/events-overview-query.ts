// The Webhook events page's and the App Overview's queries on PostgreSQL with many rows: median and
// p95 of each (the real functions from db/queries), then EXPLAIN (ANALYZE, BUFFERS) to show the index
// each one walks. Usage: npm run bench:events   (BENCH_DATABASE_URL: an admin URL; BENCH_ROWS: 500000)
import { randomBytes } from 'node:crypto';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { openPostgres } from '../db/client';
import { dailyOrderTotals } from '../db/queries/overview';
import { getRecentRejections, listDeliveries } from '../db/queries/webhook-event-log';
import * as schema from '../db/schema';
import type { Db } from '../db/client';

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const rows = Number(process.env.BENCH_ROWS ?? 500_000);
const RUNS = 20;

const name = `ks_bench_${randomBytes(5).toString('hex')}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
try {
  const migrated = await openPostgres(url.toString(), { max: 2 });
  await migrated.close();
  const client = postgres(url.toString(), { max: 2, onnotice: () => {} });
  let last: { sql: string; params: unknown[] } | null = null;
  const db = drizzle(client, { schema, logger: { logQuery: (sql, params) => (last = { sql, params }) } }) as unknown as Db;

  console.log(`Filling ${rows.toLocaleString('en')} deliveries and ${rows.toLocaleString('en')} orders for one app (and a tenth as many for a second)…`);
  const [merchant] = await client`insert into merchants (email, password_hash) values ('bench@example.com', 'x') returning id`;
  const apps = await client`insert into apps (public_id, merchant_id, name, email, country) values
    ('app_benchbenchbench1', ${merchant!.id}, 'Bench', 'b@example.com', 'IN'),
    ('app_benchbenchbench2', ${merchant!.id}, 'Other', 'o@example.com', 'IN') returning id`;
  const [app, other] = apps.map((a) => a.id as string);
  const [connection] = await client`insert into gateway_connections (app_id, webhook_endpoint_id, webhook_secret) values (${app!}, 'whe_bench000000000000000000000', 'x') returning id`;
  for (const [appId, count] of [[app!, rows], [other!, Math.floor(rows / 10)]] as const) {
    await client`
      insert into webhook_events (app_id, connection_id, gateway, outcome, rejection_reason, event_type, body_sha256, payload, received_at)
      select ${appId}, ${appId === app ? connection!.id : null}, 'razorpay',
        (case when i % 50 = 0 then 'rejected' when i % 7 = 1 then 'duplicate' when i % 11 = 0 then 'stale' else 'applied' end)::delivery_outcome,
        case when i % 50 = 0 then 'signature_mismatch' end,
        case when i % 997 = 0 then 'refund.failed' else (array['payment.captured','payment.failed','order.paid','payment.authorized'])[1 + i % 4] end,
        repeat('0', 64), '{}', now() - (i * interval '5 seconds')
      from generate_series(1, ${count}) i`;
    await client`
      insert into orders (id, app_id, gateway, gateway_order_id, amount, currency, status, mode, created_at)
      select 'ord_' || substr(md5(${appId} || i), 1, 16), ${appId}, 'razorpay', 'order_' || i, 100 + i % 5000, 'INR',
        (array['paid','paid','paid','failed','created','refunded'])[1 + i % 6]::order_status,
        (case when i % 10 = 0 then 'live' else 'test' end)::gateway_mode, now() - (i * interval '1 minute')
      from generate_series(1, ${count}) i`;
  }
  await client`analyze`;

  const cases: [string, () => Promise<unknown>][] = [
    ['events: first page', () => listDeliveries(db, { appId: app!, limit: 25 })],
    ['events: rejected only', () => listDeliveries(db, { appId: app!, outcome: 'rejected', limit: 25 })],
    ['events: a rare event type', () => listDeliveries(db, { appId: app!, eventType: 'refund.failed', limit: 25 })],
    ['events: deep page (cursor)', () => listDeliveries(db, { appId: app!, older: { at: new Date(Date.now() - rows * 2500).toISOString().replace('Z', '000Z'), id: '00000000-0000-0000-0000-000000000000' }, limit: 25 })],
    ['health: rejected in 24 h', () => getRecentRejections(db, { connectionId: connection!.id, hours: 24 })],
    ['overview: 30 days per day', () => dailyOrderTotals(db, { appId: app!, mode: 'test', days: 30 })],
  ];
  for (const [label, run] of cases) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const captured = last as { sql: string; params: unknown[] } | null;
    console.log(`\n${label}: median ${times[RUNS >> 1]!.toFixed(2)} ms, p95 ${times[Math.floor(RUNS * 0.95)]!.toFixed(2)} ms`);
    if (!captured) continue;
    const plan = await client.unsafe(`explain (analyze, buffers) ${captured.sql}`, captured.params as never[]);
    for (const line of plan) console.log(`    ${line['QUERY PLAN']}`);
  }
  await client.end();
} finally {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
