// Webhook inbox throughput: starts `next start` on the production build against a fresh PostgreSQL
// database, seeds a Razorpay connection and orders with SQL, and sends signed `payment.*` webhooks
// from a second process at constant rates (open loop: latency counts from each request's scheduled
// time). Beside it, as a floor, a bare Node `http` server doing the same verify-and-store work.
// Usage: npm run build && npm run bench:webhooks
//   BENCH_PORT (default 3230; the floor uses BENCH_PORT + 1), BENCH_DATABASE_URL (admin URL,
//   default postgres://postgres@127.0.0.1:5432/postgres), BENCH_SECONDS (per step, default 8),
//   BENCH_NEXT_NODE_ARGS (extra Node flags for `next start` only, e.g. `--cpu-prof --cpu-prof-dir=…`).
import { execFileSync, fork, spawn } from 'node:child_process';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg } from 'node:os';
import postgres from 'postgres';

const SCRIPT = new URL(import.meta.url).pathname;

// ---------------------------------------------------------------------------------------------
// Main: servers, seed, steps, table, cleanup.

async function main() {
  const port = Number(process.env.BENCH_PORT ?? 3230);
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const stepSeconds = Math.min(Math.max(Number(process.env.BENCH_SECONDS ?? 8), 1), 60);
  const steps = [
    { label: '200 req/s', rate: 200 },
    { label: '500 req/s', rate: 500 },
    // Offered at twice the best rate achieved so far: what comes back is the ceiling.
    { label: 'max', rate: 'max', seconds: Math.min(stepSeconds, 5) },
  ];
  const rateOf = (step, done) => (step.rate === 'max' ? Math.min(5000, Math.max(100, ...done.map((r) => 2 * r.achieved)) | 0) : step.rate);
  if (Number(process.versions.node.split('.')[0]) < 26) throw new Error('Run with the project\'s Node (node_modules/.bin first in PATH).');
  if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` first.');

  const children = [];
  let databaseUrl = null;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await Promise.all(children.map(stopChild));
    if (databaseUrl) execFileSync(process.execPath, ['scripts/pg-database.mjs', 'drop', databaseUrl], { stdio: 'inherit' });
  };
  // Everything stops by itself: a run that hangs is cut off, cleaned up, and fails.
  const watchdog = setTimeout(async () => {
    console.error('bench: time limit reached, stopping');
    await cleanup();
    process.exit(1);
  }, 10 * 60_000);
  process.once('SIGINT', async () => {
    await cleanup();
    process.exit(130);
  });

  const results = [];
  try {
    databaseUrl = execFileSync(process.execPath, ['scripts/pg-database.mjs', 'create', adminUrl], { encoding: 'utf8' }).trim();
    const encryptionKeys = `bench:${randomBytes(32).toString('base64')}`;
    const server = spawn(
      process.execPath,
      [
        ...(process.env.BENCH_NEXT_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        '--import',
        './scripts/stamp-socket-address.mjs', 'node_modules/next/dist/bin/next', 'start', '-p', String(port)],
      {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          GATEWAYS: 'sandbox',
          AUTH_SECRET: 'bench-secret-0123456789abcdefghijklmnopq',
          ENCRYPTION_KEYS: encryptionKeys,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    children.push(server);
    await waitFor(`http://localhost:${port}/api/health`, server);

    const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
    try {
      const totalRequests = 300 + steps.reduce((n, s) => n + Math.ceil((s.rate === 'max' ? 5000 : s.rate) * (s.seconds ?? stepSeconds)), 0);
      const seed = await seedApp(sql, encryptionKeys, totalRequests);
      const url = `http://localhost:${port}/api/webhooks/razorpay/${seed.endpointId}`;
      // Warm-up (not reported): the first requests load and compile the route.
      let next = (await measure(server.pid, { url, secret: seed.secret, rate: 100, seconds: 3, first: 0, orderPrefix: seed.orderPrefix })).sent;
      const done = [];
      for (const step of steps) {
        const seconds = step.seconds ?? stepSeconds;
        const before = await outcomeCounts(sql);
        const r = await measure(server.pid, { url, secret: seed.secret, rate: rateOf(step, done), seconds, first: next, orderPrefix: seed.orderPrefix });
        done.push(r);
        next += r.sent;
        const after = await outcomeCounts(sql);
        results.push({ server: 'KS Pay route (verify, store, apply)', step: step.label, ...r, stored: diffCounts(before, after) });
      }
      const [{ copies }] = await sql`select count(*)::int - count(distinct body_sha256)::int as copies from webhook_events`;
      if (copies !== 0) console.log(`!! ${copies} webhook_events rows share a body: stored more than once`);
    } finally {
      await sql.end();
    }
    await stopChild(server);

    // The floor: same machine, same database, same load, nothing but verify + one insert.
    const floorSecret = randomBytes(24).toString('base64url');
    const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    await admin`create table bench_floor_events (id bigserial primary key, body_sha256 char(64) not null unique, event_id text not null, payload text not null, received_at timestamptz not null default now())`;
    const floor = fork(SCRIPT, ['floor'], { env: { ...process.env, FLOOR_PORT: String(port + 1), FLOOR_SECRET: floorSecret, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    children.push(floor);
    await new Promise((resolve, reject) => {
      floor.once('message', resolve);
      floor.once('exit', (code) => reject(new Error(`floor server exited with ${code}`)));
    });
    try {
      const url = `http://127.0.0.1:${port + 1}/`;
      let next = (await measure(floor.pid, { url, secret: floorSecret, rate: 100, seconds: 3, first: 0, orderPrefix: 'order_floor' })).sent;
      const done = [];
      for (const step of steps) {
        const seconds = step.seconds ?? stepSeconds;
        const [{ n: before }] = await admin`select count(*)::int as n from bench_floor_events`;
        const r = await measure(floor.pid, { url, secret: floorSecret, rate: rateOf(step, done), seconds, first: next, orderPrefix: 'order_floor' });
        done.push(r);
        next += r.sent;
        const [{ n: after }] = await admin`select count(*)::int as n from bench_floor_events`;
        results.push({ server: 'bare Node http + postgres.js (floor)', step: step.label, ...r, stored: { stored: after - before } });
      }
    } finally {
      await admin.end();
    }
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
  printTable(results);
}

async function measure(pid, job) {
  const cpuBefore = cpuMsOfTree(pid);
  const loader = fork(SCRIPT, ['load'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const result = await new Promise((resolve, reject) => {
    loader.once('message', resolve);
    loader.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
    loader.send(job);
  });
  loader.kill();
  // Requests the load generator gave up on are still being served: wait (bounded) for the server to
  // go idle, so their CPU and rows count here and not in the next step.
  for (let i = 0, last = cpuMsOfTree(pid); i < 60; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const now = cpuMsOfTree(pid);
    if (now - last < 25) break;
    last = now;
  }
  const cpuMs = cpuMsOfTree(pid) - cpuBefore;
  return { ...result, rate: job.rate, cpuMsPerRequest: cpuMs / result.sent, loadAvg: loadavg()[0] };
}

/** A merchant, an app, a verified Razorpay connection with a known webhook secret, and `count` orders. */
async function seedApp(sql, encryptionKeys, count) {
  // Node 26 strips the types: the app's own seal, with the key ring the server was given.
  const { parseKeyRing, seal } = await import('../lib/crypto/secret-box.ts');
  const ring = parseKeyRing(encryptionKeys);
  const secret = randomBytes(24).toString('base64url');
  const endpointId = `whe_${randomBase62(24)}`;
  const orderPrefix = `order_bench${randomBase62(6)}_`;
  return sql.begin(async (tx) => {
    const [merchant] = await tx`insert into merchants (email, password_hash) values ('bench@kspay.local', 'not-a-hash') returning id`;
    const [app] = await tx`insert into apps (public_id, merchant_id, name, email, country)
      values (${`app_${randomBase62(16)}`}, ${merchant.id}, 'Bench', 'bench@kspay.local', 'IN') returning id`;
    const [connection] = await tx`insert into gateway_connections (app_id, credentials_status, webhook_status, webhook_endpoint_id, webhook_secret)
      values (${app.id}, 'verified', 'verified', ${endpointId}, ${seal(ring, secret)}) returning id`;
    const [credentials] = await tx`insert into gateway_credentials (connection_id, gateway, mode, key_id, secret, secret_hint, payment_modes)
      values (${connection.id}, 'razorpay', 'test', 'rzp_test_Bench00000001', ${seal(ring, 'benchKeySecret')}, 'cret', ${['upi', 'card']}) returning id`;
    await tx`update gateway_connections set current_credentials_id = ${credentials.id}, verified_credentials_id = ${credentials.id} where id = ${connection.id}`;
    // One order per request: each webhook pays its own order, as in real traffic.
    await tx`insert into orders (id, app_id, connection_id, credentials_id, gateway, gateway_order_id, amount, currency, mode)
      select 'ord_' || lpad(i::text, 16, '0'), ${app.id}, ${connection.id}, ${credentials.id}, 'razorpay', ${orderPrefix} || i, 50000, 'INR', 'test'
      from generate_series(0, ${count - 1}) as i`;
    return { endpointId, secret, orderPrefix };
  });
}

async function outcomeCounts(sql) {
  const rows = await sql`select outcome::text, count(*)::int as n from webhook_events group by outcome`;
  return Object.fromEntries(rows.map((r) => [r.outcome, r.n]));
}

const diffCounts = (before, after) =>
  Object.fromEntries(Object.entries(after).map(([k, n]) => [k, n - (before[k] ?? 0)]).filter(([, n]) => n !== 0));

/** CPU time (user + system) of a process and its descendants, in ms, from /proc. */
function cpuMsOfTree(rootPid) {
  const stats = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Fields after the parenthesised command: state ppid … utime(14) stime(15).
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while we looked.
    }
  }
  let ticks = 0;
  const pending = [rootPid];
  for (let guard = 0; pending.length && guard < 10_000; guard++) {
    const pid = pending.pop();
    ticks += stats.get(pid)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) pending.push(child);
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

async function waitFor(url, child) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not start: ${url}`);
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function randomBase62(length) {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  return Array.from(randomBytes(length), (b) => alphabet[b % 62]).join('');
}

function printTable(results) {
  const head = ['server', 'step', 'offered/s', 'sent', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'CPU ms/req', 'rows stored', 'load avg'];
  const rows = results.map((r) => [
    r.server,
    r.step,
    String(r.rate),
    String(r.sent),
    // A max step that kept up with its offer only shows a lower bound.
    `${r.step === 'max' && r.achieved >= 0.97 * r.rate ? '≥' : ''}${r.achieved.toFixed(0)}`,
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    r.max.toFixed(1),
    r.errors ? `${r.errors} (${Object.entries(r.errorKinds).map(([k, n]) => `${k}×${n}`).join(', ')})` : '0',
    r.cpuMsPerRequest.toFixed(2),
    Object.entries(r.stored).map(([k, n]) => `${k} ${n}`).join(', ') || '0',
    r.loadAvg.toFixed(1),
  ]);
  console.log('\nWebhook throughput (open loop from a second process; latency from each scheduled send time):\n');
  console.log(`| ${head.join(' | ')} |`);
  console.log(`| ${head.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  const route = results.filter((r) => r.server.startsWith('KS Pay'));
  const floor = results.filter((r) => r.server.includes('floor'));
  const peak = (rs) => Math.max(...rs.map((r) => r.achieved));
  if (route.length && floor.length) {
    console.log(`\nPeak: route ${peak(route).toFixed(0)} req/s, bare Node ${peak(floor).toFixed(0)} req/s (×${(peak(route) / peak(floor)).toFixed(2)}).`);
  }
  console.log('Minimal App Router route: not measured (it would need a route added to the app); ~980 req/s per shared/toolchain.md.');
}

// ---------------------------------------------------------------------------------------------
// Load generator (a forked process): one step, open loop.

function runLoadGenerator() {
  process.once('message', async (job) => {
    process.send(await sendAtRate(job));
    process.exit(0);
  });
}

async function sendAtRate({ url, secret, rate, seconds, first, orderPrefix }) {
  const target = new URL(url);
  if (target.hostname !== 'localhost' && target.hostname !== '127.0.0.1') throw new Error('bench: localhost targets only');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.ceil(rate * seconds);
  const latencies = [];
  const errorKinds = {};
  let ok = 0;
  let lastDone = 0;
  const fail = (kind) => (errorKinds[kind] = (errorKinds[kind] ?? 0) + 1);
  const inFlight = new Set();
  const start = performance.now() + 20;
  const send = (i, scheduled) => {
    const body = webhookBody(first + i, orderPrefix);
    const p = new Promise((resolve) => {
      const req = http.request(
        target,
        {
          method: 'POST',
          agent,
          timeout: 10_000,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-razorpay-signature': createHmac('sha256', secret).update(body).digest('hex'),
            'x-razorpay-event-id': `evt_bench_${first + i}_${randomBase62(8)}`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            lastDone = performance.now();
            latencies.push(lastDone - scheduled);
            if (res.statusCode >= 200 && res.statusCode < 300) ok++;
            else fail(`HTTP ${res.statusCode}`);
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (e) => {
        fail(e.message === 'timeout' ? 'timeout' : (e.code ?? 'network'));
        resolve();
      });
      req.end(body);
    });
    inFlight.add(p);
    p.then(() => inFlight.delete(p));
  };
  let i = 0;
  while (i < total) {
    const now = performance.now();
    while (i < total && start + (i * 1000) / rate <= now) {
      send(i, start + (i * 1000) / rate);
      i++;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  const drainUntil = performance.now() + 15_000;
  while (inFlight.size && performance.now() < drainUntil) await Promise.race([...inFlight, new Promise((r) => setTimeout(r, 100))]);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  const errors = total - ok;
  if (inFlight.size) errorKinds.unfinished = inFlight.size;
  return { sent: total, ok, errors, errorKinds, achieved: ok / ((lastDone - start) / 1000), p50: q(0.5), p99: q(0.99), max: latencies.at(-1) ?? NaN };
}

/** A Razorpay `payment.*` event of about 1 KB, unique per request. */
function webhookBody(n, orderPrefix) {
  const captured = n % 2 === 0;
  const payment = {
    id: `pay_bench${String(n).padStart(10, '0')}`,
    entity: 'payment',
    amount: 50000,
    currency: 'INR',
    status: captured ? 'captured' : 'authorized',
    order_id: `${orderPrefix}${n}`,
    invoice_id: null,
    international: false,
    method: 'upi',
    amount_refunded: 0,
    refund_status: null,
    captured,
    description: 'Bench order',
    card_id: null,
    bank: null,
    wallet: null,
    vpa: 'bench@upi',
    email: 'customer@example.com',
    contact: '+919999999999',
    notes: { receipt: `rcpt_${n}`, purpose: 'webhook throughput bench' },
    fee: captured ? 1180 : null,
    tax: captured ? 180 : null,
    error_code: null,
    error_description: null,
    error_source: null,
    error_step: null,
    error_reason: null,
    acquirer_data: { rrn: String(100000000000 + n), upi_transaction_id: `UPI${n}` },
    created_at: 1764583200 + n,
  };
  return JSON.stringify({
    entity: 'event',
    account_id: 'acc_BenchAccount01',
    event: captured ? 'payment.captured' : 'payment.authorized',
    contains: ['payment'],
    payload: { payment: { entity: payment } },
    created_at: 1764583200 + n,
  });
}

// ---------------------------------------------------------------------------------------------
// The floor (a forked process): read the body, check the HMAC, one insert.

async function runFloorServer() {
  const secret = process.env.FLOOR_SECRET;
  const sql = postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {} });
  const { createHash } = await import('node:crypto');
  const server = http.createServer(async (req, res) => {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > 1024 * 1024) return res.writeHead(413).end();
      chunks.push(chunk);
    }
    const raw = Buffer.concat(chunks);
    const given = Buffer.from(String(req.headers['x-razorpay-signature'] ?? ''), 'hex');
    const expected = createHmac('sha256', secret).update(raw).digest();
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return res.writeHead(401).end();
    try {
      await sql`insert into bench_floor_events (body_sha256, event_id, payload)
        values (${createHash('sha256').update(raw).digest('hex')}, ${String(req.headers['x-razorpay-event-id'])}, ${raw.toString('utf8')})
        on conflict (body_sha256) do nothing`;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"outcome":"applied"}');
    } catch {
      res.writeHead(500).end();
    }
  });
  server.keepAliveTimeout = 30_000;
  server.listen(Number(process.env.FLOOR_PORT), '127.0.0.1', () => process.send('listening'));
  const stop = () => server.close(() => sql.end().then(() => process.exit(0)));
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
}

const mode = process.argv[2] ?? 'main';
if (mode === 'load') runLoadGenerator();
else if (mode === 'floor') await runFloorServer();
else await main();
