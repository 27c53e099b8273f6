import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newSecret, orderPaidEvent, signedHeaders } from './sign-webhook.js';

// The webhook receivers of examples/ — the files the guide shows — run as a merchant runs them:
// copied out of the repo, with the packed kspay tarball installed.
const run = promisify(execFile);
const examples = path.resolve(import.meta.dirname, '../../examples');
const tarball = inject('tarball');
const secret = newSecret();
const dirs: string[] = [];

async function copyExample(name: string) {
  const dir = await mkdtemp(path.join(tmpdir(), `kspay-receiver-${name}-`));
  dirs.push(dir);
  await cp(path.join(examples, name), dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  return dir;
}
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

type Delivery = { body: string; headers: Record<string, string> };
function delivery(id: string): Delivery {
  const body = JSON.stringify(orderPaidEvent(id));
  return { body, headers: { 'content-type': 'application/json', ...signedHeaders(secret, body, { id }) } };
}
const tampered = ({ body, headers }: Delivery): Delivery => ({ body: body.replace('"amount":49900', '"amount":100'), headers });
const handledLines = (output: string, id: string) =>
  output.split('\n').filter((line) => line.startsWith('{') && JSON.parse(line).event === 'kspay_webhook_handled' && JSON.parse(line).id === id);

/** Installs examples/express with the tarball once; starts its server.mjs (or a variant of it). */
let expressDir: Promise<string> | undefined;
async function startShop(variant?: (source: string) => string) {
  expressDir ??= (async () => {
    const dir = await copyExample('express');
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    pkg.dependencies.kspay = `file:${tarball}`;
    await writeFile(path.join(dir, 'package.json'), JSON.stringify(pkg));
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: dir });
    return dir;
  })();
  const dir = await expressDir;
  const script = variant ? 'variant.mjs' : 'server.mjs';
  if (variant) await writeFile(path.join(dir, script), variant(await readFile(path.join(dir, 'server.mjs'), 'utf8')));
  const port = await freePort();
  const child = spawn(process.execPath, [script], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), KSPAY_SECRET_KEY: 'sk_test_unused', KSPAY_WEBHOOK_SECRET: secret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const shop = { child, url: `http://127.0.0.1:${port}`, stdout: '', stderr: '' };
  child.stderr!.on('data', (chunk: Buffer) => (shop.stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      shop.stdout += chunk.toString();
      if (shop.stdout.includes('listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the shop exited with ${code}: ${shop.stderr}`)));
  });
  return shop;
}

describe('examples/express: POST /webhooks/kspay', () => {
  let shop: Awaited<ReturnType<typeof startShop>>;
  const shops: (typeof shop)[] = [];
  beforeAll(async () => {
    shop = await startShop();
    shops.push(shop);
  });
  afterAll(() => shops.forEach((s) => s.child.kill('SIGTERM')));

  const post = ({ body, headers }: Delivery, url = shop.url) => fetch(`${url}/webhooks/kspay`, { method: 'POST', body, headers });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

  it('a correctly signed delivery gets 200 and is handled', async () => {
    const response = await post(delivery('evt_express1'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    await settle();
    expect(handledLines(shop.stdout, 'evt_express1')).toEqual([expect.stringContaining('"type":"order.paid"')]);
  });

  it('a tampered delivery gets 400 and is not handled', async () => {
    const response = await post(tampered(delivery('evt_express2')));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'no_matching_signature' });
    const unsigned = await post({ body: delivery('evt_express3').body, headers: { 'content-type': 'application/json' } });
    expect(unsigned.status).toBe(400);
    await settle();
    expect(handledLines(shop.stdout, 'evt_express2')).toEqual([]);
    expect(handledLines(shop.stdout, 'evt_express3')).toEqual([]);
  });

  it('a replay of the same webhook-id gets 200 and is not handled twice', async () => {
    const first = delivery('evt_express4');
    const answers = await Promise.all([post(first), post(first), post(first)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await settle();
    expect(await post(first).then((r) => r.status)).toBe(200);
    await settle();
    expect(handledLines(shop.stdout, 'evt_express4')).toHaveLength(1);
  });

  it('with app.use(express.json()) in front, the same genuine delivery is refused: the raw body is gone', async () => {
    const broken = await startShop((source) => source.replace('const app = express();\n', 'const app = express();\napp.use(express.json());\n'));
    shops.push(broken);
    const response = await post(delivery('evt_express5'), broken.url);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid_body' });
    expect(await post(delivery('evt_express5')).then((r) => r.status)).toBe(200);
  });
});

describe('examples/nextjs: app/api/webhooks/kspay/route.ts', () => {
  // The route file as the guide shows it, called as Next.js calls it (Node runs its TypeScript as is).
  let answers: { status: number; body: unknown }[];
  let output: string;

  beforeAll(async () => {
    const dir = await copyExample('nextjs');
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'kspay-example-nextjs', private: true, type: 'module' }));
    await run('npm', ['install', '--no-audit', '--no-fund', '--offline', '--loglevel=error', tarball], { cwd: dir });
    const paid = delivery('evt_next1');
    const requests = [paid, tampered(delivery('evt_next2')), paid, { ...paid, headers: { ...paid.headers, 'webhook-timestamp': '1700000000' } }];
    const runner = `import { POST } from './app/api/webhooks/kspay/route.ts';
const answers = [];
for (const { body, headers } of JSON.parse(process.argv[2])) {
  const response = await POST(new Request('http://shop/api/webhooks/kspay', { method: 'POST', body, headers }));
  answers.push({ status: response.status, body: await response.json() });
}
console.log(JSON.stringify(answers));`;
    await writeFile(path.join(dir, 'run.mjs'), runner);
    const { stdout } = await run(process.execPath, ['run.mjs', JSON.stringify(requests)], { cwd: dir, env: { ...process.env, KSPAY_WEBHOOK_SECRET: secret } });
    output = stdout;
    answers = JSON.parse(stdout.trim().split('\n').at(-1)!);
  });

  it('a correctly signed delivery gets 200 and is handled', () => {
    expect(answers[0]).toEqual({ status: 200, body: { received: true } });
    expect(handledLines(output, 'evt_next1')[0]).toContain('"type":"order.paid"');
  });

  it('a tampered delivery gets 400 and is not handled', () => {
    expect(answers[1]).toEqual({ status: 400, body: { error: 'no_matching_signature' } });
    expect(handledLines(output, 'evt_next2')).toEqual([]);
  });

  it('a replay of the same webhook-id gets 200 and is not handled twice; an old timestamp is refused', () => {
    expect(answers[2]).toEqual({ status: 200, body: { received: true } });
    expect(handledLines(output, 'evt_next1')).toHaveLength(1);
    expect(answers[3]).toEqual({ status: 400, body: { error: 'timestamp_out_of_range' } });
  });
});
