// The merchant API's own cost: order creation through POST /api/v1/orders (the production build on
// PostgreSQL) against calling the sandbox's Razorpay API directly with the same payload, in the
// same run, sequentially and 8 at a time; then the idempotency and rate-limit checks alone.
// Usage: npm run build && npm run bench:api   (BENCH_PORT, default 3250; BENCH_REQUESTS, default 300;
// BENCH_NEXT_NODE_ARGS, extra Node flags for `next start`, e.g. `--cpu-prof --cpu-prof-dir=…`)
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';

const port = Number(process.env.BENCH_PORT ?? 3250);
const requests = Number(process.env.BENCH_REQUESTS ?? 300);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
process.env.ENCRYPTION_KEYS = `bench:${randomBytes(32).toString('base64')}`;
process.env.LOG_LEVEL = 'silent';

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
const ms = (n: number) => `${n.toFixed(2)} ms`;

/** `total` calls of `call`, `concurrency` at a time: each call's latency and the throughput. */
async function measure(total: number, concurrency: number, call: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await call(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), perSecond: (total / (performance.now() - started)) * 1000 };
}

async function main() {
  const databaseUrl = execFileSync(process.execPath, ['scripts/pg-database.mjs', 'create', adminUrl], { encoding: 'utf8' }).trim();
  const { openPostgres } = await import('@/db/client');
  const { env } = await import('@/lib/env');
  const { createSandbox } = await import('@/sandbox/server');
  const { connectedApp } = await import('@/lib/api-v1/test-app');
  const database = await openPostgres(databaseUrl, { max: 4 });
  const sandbox = await createSandbox({ port: 0 });
  env.SANDBOX_URL = sandbox.url;
  const app = await connectedApp(database.db, sandbox.url);
  const nodeArgs = process.env.BENCH_NEXT_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const server = spawn(process.execPath, [...nodeArgs, 'node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, GATEWAYS: 'sandbox', SANDBOX_URL: sandbox.url, APP_URL: `http://localhost:${port}`, AUTH_SECRET: 'bench-secret-0123456789abcdefghijklmnopq', API_RATE_LIMIT_PER_MINUTE: '100000000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`http://localhost:${port}/api/health`).then((r) => r.ok, () => false)) break;
      if (i > 120 || server.exitCode !== null) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 500));
    }
    const basic = `Basic ${Buffer.from(`${app.account.key_id}:${app.account.key_secret}`).toString('base64')}`;
    const payload = (i: number) => JSON.stringify({ amount: 49_900, currency: 'INR', receipt: `bench-${randomBytes(4).toString('hex')}-${i}` });
    const direct = async (i: number) => {
      const response = await fetch(`${sandbox.url}/razorpay/v1/orders`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/json' }, body: payload(i) });
      if (response.status !== 200) throw new Error(`sandbox answered ${response.status}`);
      await response.arrayBuffer();
    };
    const api = async (i: number) => {
      const response = await fetch(`http://localhost:${port}/api/v1/orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${app.secretKey}`, 'content-type': 'application/json', 'idempotency-key': `bench-${i}-${randomBytes(6).toString('hex')}` },
        body: payload(i),
      });
      if (response.status !== 201) throw new Error(`API answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    };
    await measure(50, 4, api); // warm-up: compile and connect
    await measure(50, 4, direct);
    console.log(`\nOrder creation, ${requests} requests per row, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log('concurrency | sandbox direct p50 / p99 / req/s | via /api/v1/orders p50 / p99 / req/s | added p50 | added p99 | throughput ratio');
    for (const concurrency of [1, 8]) {
      const d = await measure(requests, concurrency, direct);
      const a = await measure(requests, concurrency, api);
      console.log(
        `${String(concurrency).padStart(11)} | ${ms(d.p50)} / ${ms(d.p99)} / ${d.perSecond.toFixed(0)} | ${ms(a.p50)} / ${ms(a.p99)} / ${a.perSecond.toFixed(0)} | ${ms(a.p50 - d.p50)} | ${ms(a.p99 - d.p99)} | ${(a.perSecond / d.perSecond).toFixed(2)}`,
      );
    }

    // The checks alone, against the same PostgreSQL: what they add to each request. A POST with an
    // Idempotency-Key runs them as the route does: the rate-limit count and the claim in one
    // statement, then the answer stored; a GET runs the rate-limit count alone.
    const { enforceRateLimit } = await import('@/lib/api-v1/rate-limit');
    const { withIdempotency, requestHash } = await import('@/lib/api-v1/idempotency');
    env.API_RATE_LIMIT_PER_MINUTE = 100_000_000;
    const limit = await measure(requests, 1, () => enforceRateLimit(database.db, { keyId: app.secretKeyId }));
    const scope = (i: number) => ({ appId: app.app.id, mode: 'test' as const, key: `micro-${i}-${randomBytes(4).toString('hex')}`, requestHash: requestHash('POST', '/api/v1/orders', payload(i)) });
    const idem = await measure(requests, 1, async (i) => {
      await withIdempotency(database.db, scope(i), async () => ({ status: 201, body: '{}' }));
    });
    const both = await measure(requests, 1, async (i) => {
      await withIdempotency(database.db, scope(i), async () => ({ status: 201, body: '{}' }), { rateLimitKeyId: app.secretKeyId });
    });
    console.log(`\nrate-limit check alone (a GET): p50 ${ms(limit.p50)}, p99 ${ms(limit.p99)} (one statement)`);
    console.log(`idempotency claim + store alone: p50 ${ms(idem.p50)}, p99 ${ms(idem.p99)} (two statements)`);
    console.log(`rate-limit + idempotency as a POST runs them: p50 ${ms(both.p50)}, p99 ${ms(both.p99)} (two statements: count and claim, then store)`);
    // What one durable commit (a disk flush) costs on this machine right now: a POST with an
    // Idempotency-Key waits for two (the order, then its stored answer), and they vary the most.
    const { sql } = await import('drizzle-orm');
    await database.db.execute(sql`create table bench_commit (n integer)`);
    const commit = await measure(requests, 1, async () => void (await database.db.execute(sql`insert into bench_commit values (1)`)));
    console.log(`one durable commit (an insert): p50 ${ms(commit.p50)}, p99 ${ms(commit.p99)}`);
  } finally {
    server.kill('SIGTERM');
    await sandbox.close();
    await database.close();
    execFileSync(process.execPath, ['scripts/pg-database.mjs', 'drop', databaseUrl], { stdio: 'inherit' });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
