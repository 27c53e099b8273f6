// Transactions page queries at scale: a fresh PostgreSQL database, migrated, with 1,000,000 orders
// (and their payments) for one app spread over two years, plus a second app's rows; then the real
// query functions of db/queries/transactions.ts (loaded with tsx) timed over repeated runs, and
// EXPLAIN (ANALYZE, BUFFERS) of what they send, to show the indexes they read.
// Usage: npm run bench:transactions
//   BENCH_DATABASE_URL (admin URL, default postgres://postgres@127.0.0.1:5432/postgres),
//   BENCH_ORDERS (default 1000000), BENCH_RUNS (per query, default 20), BENCH_KEEP=1 keeps the database.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import postgres from 'postgres';
import { register } from 'tsx/esm/api';

register();
const { drizzle } = await import('drizzle-orm/postgres-js');
const schema = await import('../db/schema.ts');
const { openPostgres } = await import('../db/client.ts');
const { listTransactions } = await import('../db/queries/transactions.ts');
const { encodeCursor } = await import('../lib/transactions/cursor.ts');
const { transactionsCsv } = await import('../lib/transactions/csv.ts');
const { istDayEnd, istDayStart } = await import('../lib/transactions/ist.ts');

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ORDERS = Math.max(1000, Number(process.env.BENCH_ORDERS ?? 1_000_000));
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 20));
const PAGE = 25;

const step = (label) => {
  const started = performance.now();
  return () => console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
};

/**
 * Orders for one app with generate_series: created over two years (newest now), 70 % live, statuses
 * and gateways mixed as a busy merchant sees them; a payment for every order that got one (a failed
 * attempt before 5 % of the paid ones), methods mixed (UPI most, EMI rare).
 */
async function seed(sql, { appId, count, prefix }) {
  await sql`select setseed(0.4242)`;
  await sql.unsafe(
    `insert into orders (id, app_id, gateway, gateway_order_id, amount, currency, receipt, customer_email, customer_phone, status, mode, created_at, updated_at)
     select id, $1::uuid, gateway, gw_order, amount, 'INR', 'rcpt_' || $2 || g, 'buyer' || (g % 50000) || '@example.com', '98' || lpad((g % 100000000)::text, 8, '0'),
            status, mode, created_at, created_at + interval '2 minutes'
     from (
       select g,
              'ord_' || $2 || lpad(g::text, 16 - length($2), '0') as id,
              (case when r1 < 0.85 then 'razorpay' else 'cashfree' end)::gateway_name as gateway,
              (case when r1 < 0.85 then 'order_' else 'cf_' end) || $2 || g as gw_order,
              (100 + floor(r2 * 500000))::bigint as amount,
              (case when r3 < 0.60 then 'paid' when r3 < 0.80 then 'failed' when r3 < 0.88 then 'created'
                    when r3 < 0.90 then 'processing' when r3 < 0.95 then 'refunded' else 'partially_refunded' end)::order_status as status,
              (case when r4 < 0.7 then 'live' else 'test' end)::gateway_mode as mode,
              now() - ($3::bigint - g) * (interval '730 days' / $3::bigint) - r2 * interval '50 seconds' as created_at
       from (select g, random() r1, random() r2, random() r3, random() r4 from generate_series(1, $3::bigint) g) s
     ) o`,
    [appId, prefix, count],
  );
  const method = `(case when random() < 0.45 then 'upi' when random() < 0.5 then 'card' when random() < 0.4 then 'credit_card'
                  when random() < 0.4 then 'debit_card' when random() < 0.5 then 'netbanking' when random() < 0.8 then 'wallet'
                  when random() < 0.7 then 'emi' else 'other' end)`;
  // The payment that decided each order.
  await sql.unsafe(
    `insert into payments (app_id, order_id, gateway, gateway_payment_id, method, amount, currency, status, error_code, amount_refunded, created_at, updated_at)
     select app_id, id, gateway, 'pay_' || substr(id, 5), ${method}, amount, 'INR',
            (case status when 'paid' then 'captured' when 'failed' then 'failed' when 'processing' then 'authorized' else 'refunded' end)::payment_status,
            case when status = 'failed' then 'BAD_REQUEST_ERROR' end,
            case status when 'refunded' then amount when 'partially_refunded' then amount / 2 else 0 end,
            created_at + interval '1 minute', created_at + interval '2 minutes'
     from orders where app_id = $1 and status <> 'created'`,
    [appId],
  );
  // A failed first attempt before some of the paid orders.
  await sql.unsafe(
    `insert into payments (app_id, order_id, gateway, gateway_payment_id, method, amount, currency, status, error_code, created_at, updated_at)
     select app_id, id, gateway, 'pay_f' || substr(id, 5), ${method}, amount, 'INR', 'failed', 'BAD_REQUEST_ERROR', created_at, created_at
     from orders where app_id = $1 and status = 'paid' and random() < 0.05`,
    [appId],
  );
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function time(run) {
  for (let i = 0; i < 3; i++) await run();
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** A SQL literal for EXECUTE: the bench's own parameters only (strings, numbers, dates). */
const literal = (value) =>
  typeof value === 'number' ? String(value) : `'${(value instanceof Date ? value.toISOString() : String(value)).replace(/'/g, "''")}'`;

async function main() {
  if (Number(process.versions.node.split('.')[0]) < 26) throw new Error("Run with the project's Node (node_modules/.bin first in PATH).");
  const databaseUrl = execFileSync(process.execPath, ['scripts/pg-database.mjs', 'create', adminUrl], { encoding: 'utf8' }).trim();
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    console.log(`transactions bench: ${ORDERS.toLocaleString('en')} orders, ${RUNS} runs per query, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    let done = step('migrate');
    await (await openPostgres(databaseUrl)).close();
    done();

    const [merchant] = await sql`insert into merchants (email, password_hash) values ('bench@example.com', 'x') returning id`;
    const [app] = await sql`insert into apps (public_id, merchant_id, name, email, country) values ('app_Bench00000000001', ${merchant.id}, 'Bench', 'b@example.com', 'IN') returning id`;
    const [other] = await sql`insert into apps (public_id, merchant_id, name, email, country) values ('app_Bench00000000002', ${merchant.id}, 'Other', 'o@example.com', 'IN') returning id`;
    done = step(`insert ${ORDERS.toLocaleString('en')} orders + payments`);
    await seed(sql, { appId: app.id, count: ORDERS, prefix: 'A' });
    done();
    done = step(`insert ${Math.round(ORDERS / 5).toLocaleString('en')} orders + payments for a second app`);
    await seed(sql, { appId: other.id, count: Math.round(ORDERS / 5), prefix: 'B' });
    done();
    done = step('vacuum analyze');
    await sql`vacuum analyze orders`;
    await sql`vacuum analyze payments`;
    done();
    const [counts] = await sql`select (select count(*) from orders)::int as orders, (select count(*) from payments)::int as payments`;
    console.log(`  rows: ${counts.orders.toLocaleString('en')} orders, ${counts.payments.toLocaleString('en')} payments\n`);

    // The real query functions, through drizzle on postgres.js as the app runs them (prepared
    // statements included); the logger keeps the last statement for EXPLAIN.
    let last = null;
    const db = drizzle(client, { schema, logger: { logQuery: (query, params) => (last = { query, params }) } });

    const base = { appId: app.id, mode: 'live', limit: PAGE };
    const [deep] = await sql`select ((extract(epoch from created_at) * 1000000)::bigint)::text as micros, id from orders
      where app_id = ${app.id} and mode = 'live' order by created_at desc, id desc offset ${Math.floor(ORDERS * 0.35)} limit 1`;
    const deepCursor = encodeCursor({ direction: 'next', createdAtMicros: deep.micros, id: deep.id });
    const [sample] = await sql`select p.gateway_payment_id, o.customer_email from payments p join orders o on o.id = p.order_id
      where o.app_id = ${app.id} and o.mode = 'live' order by o.created_at limit 1 offset ${Math.floor(ORDERS * 0.2)}`;
    const from = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() - 110 * 86_400_000).toISOString().slice(0, 10);
    const range = { createdFrom: istDayStart(from), createdBefore: istDayEnd(to) };

    const cases = [
      ['first page', base],
      [`status paid + method upi + ${from}..${to}`, { ...base, status: 'paid', method: 'upi', ...range }],
      ['page deep in (35 % down) via cursor', { ...base, cursor: deepCursor }],
      ['q: a gateway payment id', { ...base, q: sample.gateway_payment_id }],
      ['q: a customer email (other case)', { ...base, q: sample.customer_email.toUpperCase() }],
      ['method emi (rare) alone', { ...base, method: 'emi' }],
      ['status refunded, deep via cursor', { ...base, status: 'refunded', cursor: deepCursor }],
      ['gateway cashfree + date range', { ...base, gateway: 'cashfree', ...range }],
    ];

    const results = [];
    for (const [label, params] of cases) {
      const page = await listTransactions(db, params);
      const captured = last;
      const { median, p95 } = await time(() => listTransactions(db, params));
      results.push({ label, params, median, p95, rows: page.rows.length, captured });
    }

    console.log('query                                              rows   median     p95');
    for (const r of results) {
      console.log(`${r.label.padEnd(50)} ${String(r.rows).padStart(4)} ${r.median.toFixed(2).padStart(7)} ms ${r.p95.toFixed(2).padStart(7)} ms`);
    }

    for (const r of results) {
      const reserved = await sql.reserve();
      try {
        // As listTransactions runs it: a method-filtered page without parallel workers.
        const serial = Boolean(r.params.method);
        if (serial) await reserved.unsafe('set max_parallel_workers_per_gather = 0');
        console.log(`\nEXPLAIN (ANALYZE, BUFFERS): ${r.label}${serial ? ' (max_parallel_workers_per_gather = 0)' : ''}`);
        const plan = await reserved.unsafe(`explain (analyze, buffers) ${r.captured.query}`, r.captured.params);
        for (const row of plan) console.log(`  ${row['QUERY PLAN']}`);
        // PostgreSQL keeps custom plans here (with LIMIT unknown, the generic one is estimated far
        // costlier); this shows what a forced generic plan would run.
        await reserved.unsafe('set plan_cache_mode = force_generic_plan');
        await reserved.unsafe(`prepare q as ${r.captured.query}`);
        const generic = await reserved.unsafe(`explain (analyze, buffers) execute q(${r.captured.params.map(literal).join(', ')})`);
        console.log('  generic plan (forced):');
        for (const row of generic) console.log(`    ${row['QUERY PLAN']}`);
        await reserved.unsafe('deallocate q');
        await reserved.unsafe('reset all');
      } finally {
        reserved.release();
      }
    }
    // The CSV export of a filtered view, every row, through the same keyset query in batches.
    const exportFilters = { appId: app.id, mode: 'live', status: 'paid' };
    const started = performance.now();
    let bytes = 0;
    let lines = 0;
    const reader = transactionsCsv(db, exportFilters).getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.byteLength;
      for (const byte of chunk.value) if (byte === 10) lines++;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`\nCSV export (live, status paid): ${(lines - 1).toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s (${Math.round((lines - 1) / seconds).toLocaleString('en')} rows/s)`);

    const slow = results.filter((r) => r.p95 >= 10);
    console.log(`\n${slow.length === 0 ? 'every query under 10 ms at p95' : `over 10 ms at p95: ${slow.map((r) => r.label).join('; ')}`}`);
  } finally {
    await client.end();
    await sql.end();
    if (process.env.BENCH_KEEP === '1') console.log(`kept ${databaseUrl}`);
    else execFileSync(process.execPath, ['scripts/pg-database.mjs', 'drop', databaseUrl], { stdio: 'inherit' });
  }
}

await main();
