// First-load JS (gzip) of built pages: starts `next start` on the production build, signs in as the
// demo merchant, and sums the gzipped size of every script each page's HTML loads.
// Then it says what each kilobyte above an empty page is for (see ./attribute.mjs).
// Usage: npm run build && npm run bench:bundle   (BENCH_PORT picks the port, default 3200)
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { attribute, ensureAnalysis } from './attribute.mjs';

const port = Number(process.env.BENCH_PORT ?? 3200);
const base = `http://localhost:${port}`;
const EMPTY_NEXT_PAGE_KB = 135; // an empty Next 16 page, measured on this kind of machine

if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` first.');
rmSync('.data/bench', { recursive: true, force: true });
const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
  env: {
    ...process.env,
    DATA_DIR: '.data/bench',
    DEMO_SEED: 'on',
    GATEWAYS: 'sandbox',
    DATABASE_URL: '',
    AUTH_SECRET: 'bench-secret-0123456789abcdefghijklmnopq',
    ENCRYPTION_KEYS: 'bench:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
  },
  stdio: 'ignore',
});

const rows = [];
try {
  await waitFor(`${base}/api/health`);
  const cookie = await signInAsDemo();
  // The demo merchant's first app: its Overview (the chart's recharts must stay off the first load).
  const appsHtml = await (await fetch(`${base}/apps`, { headers: { cookie } })).text();
  const appPath = appsHtml.match(/href="(\/apps\/app_[0-9A-Za-z]{16})"/)?.[1];
  const pages = [['/login', {}], ['/signup', {}], ['/apps', { cookie }], ...(appPath ? [[appPath, { cookie }]] : [])];
  for (const [path, headers] of pages) {
    rows.push({ page: path === appPath ? '/apps/[appId]' : path, ...(await firstLoad(path, headers)) });
  }
  console.log('\nFirst-load JS (gzip), production build:');
  for (const r of rows) console.log(`  ${r.page.padEnd(14)} ${r.kb.toFixed(1).padStart(7)} kB  (${r.scripts} scripts)`);
  console.log(`  ${'empty page'.padEnd(14)} ${EMPTY_NEXT_PAGE_KB.toFixed(1).padStart(7)} kB  (reference: empty Next 16 page)`);
} finally {
  server.kill('SIGTERM');
}

ensureAnalysis();
for (const { page, kb } of rows) {
  const { framework, rows: packages } = attribute(page, kb);
  console.log(`\n${page}: ${(kb - EMPTY_NEXT_PAGE_KB).toFixed(1)} kB above the empty page (gzip kB, by package or file, apportioned):`);
  const lines = [['Next.js + React beyond an empty page', framework - EMPTY_NEXT_PAGE_KB], ...packages.map((p) => [p.name, p.kb])];
  const shown = lines.filter(([, k]) => Math.abs(k) >= 0.1);
  for (const [name, k] of shown) console.log(`  ${k.toFixed(1).padStart(6)}  ${name}`);
  const rest = lines.filter(([, k]) => Math.abs(k) < 0.1).reduce((a, [, k]) => a + k, 0);
  if (lines.length > shown.length) console.log(`  ${rest.toFixed(1).padStart(6)}  ${lines.length - shown.length} smaller modules`);
}

async function waitFor(url) {
  for (let i = 0; i < 120; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not start: ${url}`);
}

async function signInAsDemo() {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const body = new URLSearchParams({ csrfToken, email: 'demo@kspay.local', password: 'demo-password' });
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    body,
    headers: { cookie: jar.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.includes('session-token'));
  if (!session) throw new Error('demo sign-in failed');
  return [...jar, session].join('; ');
}

async function firstLoad(path, headers) {
  const res = await fetch(base + path, { headers, redirect: 'manual' });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  const html = await res.text();
  // `noModule` scripts are legacy polyfills that modern browsers skip.
  const scripts = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/nomodule/i.test(tag));
  const preloads = [...html.matchAll(/<link[^>]+as="script"[^>]*>/g)].map((m) => m[0]);
  const srcs = new Set(
    [...scripts.map((t) => t.match(/src="([^"]+)"/)?.[1]), ...preloads.map((t) => t.match(/href="([^"]+)"/)?.[1])].filter(Boolean),
  );
  let bytes = 0;
  for (const src of srcs) bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return { kb: bytes / 1024, scripts: srcs.size };
}
