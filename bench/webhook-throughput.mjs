// Webhook inbox throughput: starts `next start` on the production build against a fresh PostgreSQL
// database, seeds a Razorpay connection and orders with SQL, and sends signed `payment.*` webhooks
// from a second process at constant rates (open loop: latency counts from each request's scheduled
// time). In the same run, two floors doing the same verify-and-store work (bench/floor-work.mjs):
// a minimal App Router route (bench/app-router-floor, built here with the project's next) and a
// bare Node `http` server. Compare the ratios of one run: the machine is shared, absolute figures
// move with its load (printed beside each step).
// Usage: npm run build && npm run bench:webhooks
//   BENCH_PORT (default 3230; the App Router floor uses BENCH_PORT + 1, the bare floor + 2),
//   BENCH_DATABASE_URL (admin URL, default postgres://postgres@127.0.0.1:5432/postgres),
//   BENCH_SECONDS (per step, default 8), BENCH_RATES (default 200,500,max), BENCH_ROUNDS (default 1:
//   each round measures every server once more), BENCH_ONLY (comma-separated: route, outbox,
//   app-router, node; `outbox` is the same build on an app with a merchant endpoint wanting every
//   event, so each applied delivery also writes its events and the worker delivers them to a
//   receiver in this process: the outbox's cost is route vs outbox in the same round),
//   BENCH_BASELINE_DIR (another checkout with its own production build, e.g. main's: its route is
//   measured beside this one on BENCH_BASELINE_PORT (default BENCH_PORT + 3), for before/after
//   figures from the same run),
//   CPU is counted for each server's process tree and, apart, for the PostgreSQL backends serving it
//   (by PGAPPNAME): on a 2-core machine both compete with the load generator for the same cores.
//   BENCH_NEXT_NODE_ARGS (extra Node flags for both `next start`s, e.g. `--cpu-prof --cpu-prof-dir=…`;
//   their pids are printed, and bench/cpu-profile-summary.mjs reads a profile).
import { execFileSync, fork, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import postgres from 'postgres';
import { FLOOR_MAX_BYTES, floorTableSql, floorWork } from './floor-work.mjs';

const SCRIPT = new URL(import.meta.url).pathname;
const FLOOR_APP = 'bench/app-router-floor';
const NEXT_BIN = 'node_modules/next/dist/bin/next';
const BASELINE_DIR = process.env.BENCH_BASELINE_DIR;
const SERVERS = {
  route: 'KS Pay route (verify, store, apply)',
  outbox: 'KS Pay route, app with a merchant endpoint (outbox + delivery)',
  ...(BASELINE_DIR && { baseline: `KS Pay route in ${BASELINE_DIR} (before)` }),
  'app-router': 'minimal App Router route (floor)',
  node: 'bare Node http + postgres.js (floor)',
};

// ---------------------------------------------------------------------------------------------
// Main: servers, seed, steps, table, cleanup.

async function main() {
  const port = Number(process.env.BENCH_PORT ?? 3230);
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const stepSeconds = Math.min(Math.max(Number(process.env.BENCH_SECONDS ?? 8), 1), 60);
  const rounds = Math.min(Math.max(Number(process.env.BENCH_ROUNDS ?? 1), 1), 5);
  const only = (process.env.BENCH_ONLY ?? Object.keys(SERVERS).join(',')).split(',').map((s) => s.trim()).filter((s) => s in SERVERS);
  // Rates in requests per second; `max` is offered at twice the best rate achieved so far by the
  // same server: what comes back is its ceiling.
  const steps = (process.env.BENCH_RATES ?? '200,500,max').split(',').map((r) => r.trim()).map((rate) =>
    rate === 'max' ? { label: 'max', rate, seconds: Math.min(stepSeconds, 5) } : { label: `${Number(rate)} req/s`, rate: Number(rate) },
  );
  if (steps.some((s) => s.rate !== 'max' && !(s.rate > 0 && s.rate <= 5000))) throw new Error('BENCH_RATES: numbers up to 5000, or max');
  const perServer = 300 + rounds * steps.reduce((n, s) => n + Math.ceil((s.rate === 'max' ? 5000 : s.rate) * (s.seconds ?? stepSeconds)), 0);
  if (Number(process.versions.node.split('.')[0]) < 26) throw new Error('Run with the project\'s Node (node_modules/.bin first in PATH).');
  if (only.includes('route') && !existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` first.');
  if (only.includes('baseline') && !existsSync(`${BASELINE_DIR}/.next/BUILD_ID`)) throw new Error(`No production build in ${BASELINE_DIR}`);

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
  }, 25 * 60_000);
  process.once('SIGINT', async () => {
    await cleanup();
    process.exit(130);
  });

  const results = [];
  const drains = [];
  try {
    if (only.includes('app-router')) buildFloorApp();
    databaseUrl = execFileSync(process.execPath, ['scripts/pg-database.mjs', 'create', adminUrl], { encoding: 'utf8' }).trim();
    const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
    try {
      // All servers up at once, measured one at a time, round after round: each round's ratios
      // compare servers under about the same load from the machine's other users.
      const servers = [];
      for (const name of only) servers.push({ name, ...(await startServer(name, { port, sql, databaseUrl, perServer, children })) });
      if (nodeArgs().length) console.log(servers.map((s) => `${SERVERS[s.name]}: pid ${s.child.pid}`).join('; '));
      for (let round = 1; round <= rounds; round++) {
        for (const server of servers) {
          // Warm-up (not reported): the first requests load and compile the route.
          if (round === 1) server.next = (await measure(server.child.pid, { ...server.target, rate: 100, seconds: 3, first: 0 })).sent;
          for (const step of steps) {
            const seconds = step.seconds ?? stepSeconds;
            const best = Math.max(100, ...server.done.map((r) => 2 * r.achieved));
            const rate = step.rate === 'max' ? Math.min(5000, best) | 0 : step.rate;
            const before = await server.countRows();
            const r = await measure(server.child.pid, { ...server.target, rate, seconds, first: server.next }, { sql, appName: server.appName });
            server.done.push(r);
            server.next += r.sent;
            const stored = diffCounts(before, await server.countRows());
            // Per request served: those the load generator gave up on are served after it left.
            const served = Object.values(stored).reduce((a, b) => a + b, 0) || r.sent;
            results.push({ server: SERVERS[server.name], round, step: step.label, ...r, served, cpuMsPerRequest: r.cpuMs / served, dbCpuMsPerRequest: r.dbCpuMs / served, stored });
            // The outbox server's worker finishes its backlog before anything else is measured.
            if (server.name === 'outbox') drains.push({ round, step: step.label, ...(await drainOutbox(sql)) });
          }
        }
      }
      if (only.includes('route')) {
        const [{ copies }] = await sql`select count(*)::int - count(distinct body_sha256)::int as copies from webhook_events`;
        console.log(copies === 0 ? '\nEvery webhook_events row holds its own body: each delivery stored once.' : `\n!! ${copies} webhook_events rows share a body: stored more than once`);
      }
      if (only.includes('outbox')) {
        const [o] = await sql`select (select count(*)::int from merchant_events) as events,
          (select count(*)::int from outbound_deliveries where status = 'succeeded') as delivered,
          (select count(*)::int from outbound_deliveries where status <> 'succeeded') as undelivered,
          (select count(*)::int from outbound_attempts) as attempts`;
        console.log(`Outbox: ${o.events} events, ${o.delivered} delivered, ${o.undelivered} not (yet), ${o.attempts} attempts.`);
        const outcomes = await sql`select status::text, coalesce(response_status::text, error, '') as answer, count(*)::int as n
          from outbound_attempts group by 1, 2 order by n desc limit 5`;
        console.log(`Attempts: ${outcomes.map((r) => `${r.status} ${r.answer} ×${r.n}`).join('; ')}`);
        for (const d of drains) {
          console.log(`Outbox backlog after round ${d.round} ${d.step}: ${d.backlog} deliveries, delivered in ${(d.ms / 1000).toFixed(1)} s (${d.perSecond.toFixed(0)}/s)${d.left ? `, ${d.left} still pending` : ''}`);
        }
      }
    } finally {
      await sql.end();
    }
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
  printTable(results, rounds);
}

const ENCRYPTION_KEYS = `bench:${randomBytes(32).toString('base64')}`;

const nodeArgs = () => process.env.BENCH_NEXT_NODE_ARGS?.split(' ').filter(Boolean) ?? [];

/** Starts one of the servers on its port: `{ child, target, countRows, next, done }`. */
async function startServer(name, { port, sql, databaseUrl, perServer, children }) {
  const floorSecret = randomBytes(24).toString('base64url');
  const floorEnv = { ...process.env, FLOOR_SECRET: floorSecret, DATABASE_URL: databaseUrl };
  const started = { next: 0, done: [] };
  if (name === 'route' || name === 'baseline' || name === 'outbox') {
    // The baseline: another checkout's production build (BENCH_BASELINE_DIR), same database.
    // The outbox server is this build again, on an app whose endpoint wants every event.
    const appPort = name === 'route' ? port : name === 'outbox' ? port + 4 : Number(process.env.BENCH_BASELINE_PORT ?? port + 3);
    // One key ring for every server of the run, as a deployment's instances share theirs: the
    // delivery worker of any instance may take the outbox app's deliveries.
    const encryptionKeys = ENCRYPTION_KEYS;
    const child = spawn(
      process.execPath,
      [...nodeArgs(), '--import', './scripts/stamp-socket-address.mjs', NEXT_BIN, 'start', '-p', String(appPort)],
      {
        cwd: name === 'baseline' ? BASELINE_DIR : process.cwd(),
        env: {
          ...process.env,
          PGAPPNAME: `bench_${name}`,
          DATABASE_URL: databaseUrl,
          GATEWAYS: 'sandbox',
          AUTH_SECRET: 'bench-secret-0123456789abcdefghijklmnopq',
          ENCRYPTION_KEYS: encryptionKeys,
          ALLOW_PRIVATE_WEBHOOK_URLS: 'true',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    children.push(child);
    await waitFor(`http://localhost:${appPort}/api/health`, child);
    const seed = await seedApp(sql, encryptionKeys, perServer);
    if (name === 'outbox') await seedMerchantEndpoint(sql, encryptionKeys, seed.appId);
    const url = `http://localhost:${appPort}/api/webhooks/razorpay/${seed.endpointId}`;
    return { ...started, child, appName: `bench_${name}`, target: { url, secret: seed.secret, orderPrefix: seed.orderPrefix }, countRows: () => outcomeCounts(sql, seed.appId) };
  }
  if (name === 'app-router') {
    await sql.unsafe(floorTableSql('bench_app_router_events'));
    const child = spawn(process.execPath, [...nodeArgs(), NEXT_BIN, 'start', FLOOR_APP, '-p', String(port + 1)], {
      env: { ...floorEnv, PGAPPNAME: 'bench_app_router', FLOOR_TABLE: 'bench_app_router_events' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    const url = `http://localhost:${port + 1}/api/webhooks/razorpay/whe_floor`;
    await waitFor(url, child);
    return { ...started, child, appName: 'bench_app_router', target: { url, secret: floorSecret, orderPrefix: 'order_app_router' }, countRows: () => rowCount(sql, 'bench_app_router_events') };
  }
  await sql.unsafe(floorTableSql('bench_floor_events'));
  const child = fork(SCRIPT, ['floor'], {
    env: { ...floorEnv, PGAPPNAME: 'bench_node', FLOOR_PORT: String(port + 2), FLOOR_TABLE: 'bench_floor_events' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.push(child);
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`floor server exited with ${code}`)));
  });
  return { ...started, child, appName: 'bench_node', target: { url: `http://127.0.0.1:${port + 2}/`, secret: floorSecret, orderPrefix: 'order_floor' }, countRows: () => rowCount(sql, 'bench_floor_events') };
}

/** Builds the App Router floor with the project's next when it has no build newer than its sources. */
function buildFloorApp() {
  const built = `${FLOOR_APP}/.next/BUILD_ID`;
  const sources = [`${FLOOR_APP}/app/api/webhooks/[gateway]/[endpointId]/route.js`, `${FLOOR_APP}/next.config.mjs`, `${FLOOR_APP}/instrumentation.js`, 'bench/floor-work.mjs', 'node_modules/next/package.json'];
  if (existsSync(built) && sources.every((f) => statSync(f).mtimeMs < statSync(built).mtimeMs)) return;
  console.log('Building the App Router floor (bench/app-router-floor)…');
  execFileSync(process.execPath, [NEXT_BIN, 'build', FLOOR_APP], { stdio: ['ignore', 'ignore', 'inherit'] });
}

async function rowCount(sql, table) {
  const [{ n }] = await sql`select count(*)::int as n from ${sql(table)}`;
  return { stored: n };
}

/** CPU ms so far of each PostgreSQL backend serving `appName` (PGAPPNAME of the server measured). */
async function backendCpu(sql, appName) {
  if (!appName) return new Map();
  const rows = await sql`select pid from pg_stat_activity where application_name = ${appName}`;
  return new Map(rows.map(({ pid }) => [pid, cpuMsOf(pid)]));
}

async function measure(pid, job, { sql, appName } = {}) {
  const cpuBefore = cpuMsOfTree(pid);
  const dbBefore = await backendCpu(sql, appName);
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
  let dbCpuMs = 0;
  for (const [backend, ms] of await backendCpu(sql, appName)) dbCpuMs += ms - (dbBefore.get(backend) ?? 0);
  return { ...result, rate: job.rate, cpuMs, dbCpuMs, cpuMsPerRequest: cpuMs / result.sent, loadAvg: loadavg()[0] };
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
    const [merchant] = await tx`insert into merchants (email, password_hash) values (${`bench-${randomBase62(8)}@kspay.local`}, 'not-a-hash') returning id`;
    const [app] = await tx`insert into apps (public_id, merchant_id, name, email, country)
      values (${`app_${randomBase62(16)}`}, ${merchant.id}, 'Bench', 'bench@kspay.local', 'IN') returning id`;
    const [connection] = await tx`insert into gateway_connections (app_id, credentials_status, webhook_status, webhook_endpoint_id, webhook_secret)
      values (${app.id}, 'verified', 'verified', ${endpointId}, ${seal(ring, secret)}) returning id`;
    const [credentials] = await tx`insert into gateway_credentials (connection_id, gateway, mode, key_id, secret, secret_hint, payment_modes)
      values (${connection.id}, 'razorpay', 'test', 'rzp_test_Bench00000001', ${seal(ring, 'benchKeySecret')}, 'cret', ${['upi', 'card']}) returning id`;
    await tx`update gateway_connections set current_credentials_id = ${credentials.id}, verified_credentials_id = ${credentials.id} where id = ${connection.id}`;
    // One order per request: each webhook pays its own order, as in real traffic.
    await tx`insert into orders (id, app_id, connection_id, credentials_id, gateway, gateway_order_id, amount, currency, mode)
      select 'ord_' || ${randomBase62(4)} || lpad(i::text, 12, '0'), ${app.id}, ${connection.id}, ${credentials.id}, 'razorpay', ${orderPrefix} || i, 50000, 'INR', 'test'
      from generate_series(0, ${count - 1}) as i`;
    return { appId: app.id, endpointId, secret, orderPrefix };
  });
}

/** Waits (up to 3 minutes) for every pending merchant delivery: how many there were, and how fast. */
async function drainOutbox(sql) {
  const pending = async () => (await sql`select count(*)::int as n from outbound_deliveries where status = 'pending'`)[0].n;
  const backlog = await pending();
  const started = performance.now();
  let left = backlog;
  while (left > 0 && performance.now() - started < 180_000) {
    await new Promise((r) => setTimeout(r, 200));
    left = await pending();
  }
  const ms = performance.now() - started;
  return { backlog, left, ms, perSecond: ((backlog - left) / ms) * 1000 };
}

let receiver;
/** A receiver in this process (answers 200) and an endpoint of `appId` wanting every event. */
async function seedMerchantEndpoint(sql, encryptionKeys, appId) {
  receiver ??= await new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
    server.unref();
  });
  const { parseKeyRing, seal } = await import('../lib/crypto/secret-box.ts');
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const events = ['order.paid', 'order.failed', 'order.refunded', 'order.partially_refunded', 'payment.captured', 'payment.failed', 'refund.processed'];
  await sql`insert into merchant_webhook_endpoints (id, app_id, mode, url, events, secret_sealed)
    values (${`we_${randomBase62(24)}`}, ${appId}, 'test', ${`http://127.0.0.1:${receiver.address().port}/hook`}, ${events}::merchant_event_type[], ${seal(parseKeyRing(encryptionKeys), secret)})`;
}

async function outcomeCounts(sql, appId) {
  const rows = await sql`select outcome::text, count(*)::int as n from webhook_events where app_id = ${appId} group by outcome`;
  return Object.fromEntries(rows.map((r) => [r.outcome, r.n]));
}

const diffCounts = (before, after) =>
  Object.fromEntries(Object.entries(after).map(([k, n]) => [k, n - (before[k] ?? 0)]).filter(([, n]) => n !== 0));

/** CPU time (user + system) of one process in ms, from /proc; 0 once it is gone. */
function cpuMsOf(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

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

function printTable(results, rounds) {
  const head = ['server', ...(rounds > 1 ? ['round'] : []), 'step', 'offered/s', 'sent', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'CPU ms/req', 'DB CPU ms/req', 'rows stored', 'load avg'];
  const rows = results.map((r) => [
    r.server,
    ...(rounds > 1 ? [String(r.round)] : []),
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
    r.dbCpuMsPerRequest.toFixed(2),
    Object.entries(r.stored).map(([k, n]) => `${k} ${n}`).join(', ') || '0',
    r.loadAvg.toFixed(1),
  ]);
  console.log('\nWebhook throughput (open loop from a second process; latency from each scheduled send time):\n');
  console.log(`| ${head.join(' | ')} |`);
  console.log(`| ${head.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);

  /** Best throughput and mean CPU per request of one server in one round (or in all). */
  const peakOf = (name, round) => {
    const rs = results.filter((r) => r.server === name && (round === undefined || r.round === round));
    if (!rs.length) return null;
    const served = rs.reduce((n, r) => n + r.served, 0);
    const cpu = rs.reduce((n, r) => n + r.cpuMs, 0) / served;
    const db = rs.reduce((n, r) => n + r.dbCpuMs, 0) / served;
    return { rate: Math.max(...rs.map((r) => r.achieved)), cpu, db };
  };
  const names = [SERVERS.route, SERVERS['app-router'], SERVERS.node];
  console.log(`\nLoad average (1 min) at the end: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores (others' work included): compare the ratios, measured in the same run.`);
  for (const name of Object.values(SERVERS)) {
    const p = peakOf(name);
    if (p) console.log(`Peak ${name}: ${p.rate.toFixed(0)} req/s; ${p.cpu.toFixed(2)} CPU ms/req, and ${p.db.toFixed(2)} in its database backends, over all steps`);
  }
  const pairs = [
    [names[0], names[1], 'Route / App Router floor'],
    [names[0], names[2], 'Route / bare Node floor'],
    [names[1], names[2], 'App Router floor / bare Node floor'],
    ...(SERVERS.baseline ? [[SERVERS.baseline, names[1], 'Baseline route / App Router floor'], [names[0], SERVERS.baseline, 'Route / baseline route']] : []),
  ];
  for (const [a, b, label] of pairs) {
    const perRound = Array.from({ length: rounds }, (_, i) => [peakOf(a, i + 1), peakOf(b, i + 1)]).filter(([x, y]) => x && y);
    if (!perRound.length) continue;
    const fmt = (f) => perRound.map(([x, y]) => `×${f(x, y).toFixed(2)}`).join(' ');
    console.log(
      `${label}: peak throughput ${fmt((x, y) => x.rate / y.rate)}, CPU per request ${fmt((x, y) => x.cpu / y.cpu)}, with the database's ${fmt((x, y) => (x.cpu + x.db) / (y.cpu + y.db))}${rounds > 1 ? ' (one per round)' : ''}`,
    );
  }
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
  const sql = postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {} });
  const work = floorWork(sql, { secret: process.env.FLOOR_SECRET, table: process.env.FLOOR_TABLE });
  const server = http.createServer(async (req, res) => {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > FLOOR_MAX_BYTES) return res.writeHead(413).end();
      chunks.push(chunk);
    }
    try {
      const { status, body } = await work(Buffer.concat(chunks), req.headers['x-razorpay-signature'], req.headers['x-razorpay-event-id']);
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
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
