// Delivery throughput of the merchant-webhook worker: N events queued across 16 endpoints of 16
// apps (one local receiver answering 200 at once), then the worker (lib/outbound-webhooks/worker.ts)
// delivers them all — claim, sign, POST, record — on PostgreSQL and on PGlite, with 1, 16 and 64
// attempts in flight (at most 4 per endpoint, the default); then all N to a single endpoint (its
// 4 in flight bound it); then two workers on PostgreSQL, each with its own connection pool (two
// app instances). Prints deliveries per second and the attempt latency seen by the worker.
// Usage: npm run bench:outbound   (BENCH_EVENTS, default 2000; BENCH_DATABASE_URL)
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';

const events = Number(process.env.BENCH_EVENTS ?? 2000);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
process.env.ENCRYPTION_KEYS = `bench:${randomBytes(32).toString('base64')}`;
process.env.LOG_LEVEL = 'silent';

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;

async function main() {
  const { openPglite, openPostgres } = await import('@/db/client');
  const { createMerchant } = await import('@/db/queries/merchants');
  const { createApp, getApp } = await import('@/db/queries/apps');
  const { createEndpoint } = await import('@/lib/outbound-webhooks/endpoints');
  const { envelope } = await import('@/lib/outbound-webhooks/catalogue');
  const { startDeliveryWorker, workerSettings } = await import('@/lib/outbound-webhooks/worker');
  const { sql } = await import('drizzle-orm');

  let received = 0;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`;

  type Db = Awaited<ReturnType<typeof openPostgres>>['db'];
  /** `endpoints` fresh apps with an endpoint each, `events` order.paid-sized events queued across them. */
  async function queue(db: Db, endpoints: number) {
    const ids: string[] = [];
    for (let i = 0; i < endpoints; i++) ids.push(await queueOne(db, Math.ceil(events / endpoints)));
    return ids;
  }

  async function queueOne(db: Db, count: number) {
    const merchantId = (await createMerchant(db, { email: `bench-${randomBytes(4).toString('hex')}@kspay.local`, passwordHash: 'x' }))!.id;
    const { publicId } = await createApp(db, { merchantId, name: 'Bench', email: 'b@kspay.local', country: 'IN' });
    const appId = (await getApp(db, { merchantId, publicId }))!.id;
    const { endpoint } = await createEndpoint(db, { appId, mode: 'test' }, { url, events: ['*'] }, { merchantId });
    const sample = envelope('order.paid', 'test', { id: 'ord_0000000000000000', object: 'order', status: 'PAID', amount: 50_000, notes: {}, padding: 'x'.repeat(700) }, new Date());
    await db.execute(sql`
      with ev as (
        insert into merchant_events (id, app_id, mode, type, payload)
        select 'evt_' || lpad(i::text, 18, '0') || ${randomBytes(3).toString('hex')}, ${appId}::uuid, 'test', 'order.paid', ${sample.payload}
        from generate_series(1, ${count}) i returning id
      )
      insert into outbound_deliveries (event_id, endpoint_id, app_id, event_type, next_attempt_at)
      select ev.id, ${endpoint.id}, ${appId}::uuid, 'order.paid', now() from ev`);
    return endpoint.id;
  }

  async function run(label: string, dbs: Db[], batch: number, endpoints = 16) {
    const endpointIds = await queue(dbs[0]!, endpoints);
    const total = Math.ceil(events / endpoints) * endpoints;
    const start = received;
    const started = performance.now();
    const settings = workerSettings({ batch, pollMs: 5, allowPrivate: true });
    const workers = dbs.map((db) => startDeliveryWorker(db, settings));
    while (received - start < total) await new Promise((r) => setTimeout(r, 5));
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(workers.map((w) => w.stop()));
    const rows = (await dbs[0]!.execute(
      sql`select duration_ms from outbound_attempts where endpoint_id in ${sql.raw(`('${endpointIds.join("','")}')`)} and status = 'succeeded'`,
    )) as unknown as { rows?: { duration_ms: number }[] } & { duration_ms: number }[];
    const durations = (rows.rows ?? rows).map((r) => Number(r.duration_ms));
    const extra = received - start - total;
    console.log(
      [label.padEnd(38), `${String(batch).padStart(3)} in flight`, `${(total / seconds).toFixed(0).padStart(6)} deliveries/s`, `attempt p50 ${quantile(durations, 0.5)} ms`, `p99 ${quantile(durations, 0.99)} ms`, `recorded ${durations.length}/${total}`, extra ? `!! ${extra} extra` : 'each once', `load ${loadavg()[0]!.toFixed(1)}`].join('  '),
    );
  }

  console.log(`${events} events per run; receiver answers 200 at once; Node ${process.version}\n`);
  const databaseUrl = execFileSync(process.execPath, ['scripts/pg-database.mjs', 'create', adminUrl], { encoding: 'utf8' }).trim();
  const pg = await openPostgres(databaseUrl, { max: 10 });
  const second = await openPostgres(databaseUrl, { migrate: false, max: 10 });
  const lite = await openPglite('memory://');
  try {
    for (const batch of [1, 16, 64]) await run('PostgreSQL, one worker', [pg.db], batch);
    await run('PostgreSQL, one worker, one endpoint', [pg.db], 16, 1);
    await run('PostgreSQL, two workers (2 pools)', [pg.db, second.db], 16);
    for (const batch of [1, 16, 64]) await run('PGlite, one worker', [lite.db], batch);
  } finally {
    await Promise.all([pg.close(), second.close(), lite.close()]);
    execFileSync(process.execPath, ['scripts/pg-database.mjs', 'drop', databaseUrl], { stdio: 'inherit' });
    receiver.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
