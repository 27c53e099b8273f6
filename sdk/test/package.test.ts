import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { order, send, startServer } from './server.js';
import { newSecret, orderPaidEvent, signedHeaders } from './sign-webhook.js';

const run = promisify(execFile);
const sdkDir = path.resolve(import.meta.dirname, '..');
const tarball = inject('tarball');
let consumer: string;
let server: Awaited<ReturnType<typeof startServer>>;

// What a merchant does: `npm pack` here (pack-once.ts), `npm install kspay-x.y.z.tgz` in their project.
beforeAll(async () => {
  consumer = await mkdtemp(path.join(tmpdir(), 'kspay-consumer-'));
  await writeFile(path.join(consumer, 'package.json'), JSON.stringify({ name: 'merchant', private: true }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], { cwd: consumer });
  server = await startServer((req, res) => send(res, req.method === 'POST' ? 201 : 200, order('ord_pack1')));
}, 120_000);
afterAll(async () => {
  await server?.close();
  if (consumer) await rm(consumer, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds the builds, types and README, and no sources or tests', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.trim().split('\n').sort();
    expect(files).toContain('package/dist/esm/index.js');
    expect(files).toContain('package/dist/esm/index.d.ts');
    expect(files).toContain('package/dist/cjs/index.js');
    expect(files).toContain('package/dist/cjs/index.d.ts');
    expect(files).toContain('package/dist/cjs/package.json');
    expect(files).toContain('package/README.md');
    expect(files.filter((f) => /\/(src|test)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('has no runtime dependencies', async () => {
    expect((await readdir(path.join(consumer, 'node_modules'))).filter((name) => !name.startsWith('.'))).toEqual(['kspay']);
  });

  it('works from ESM', async () => {
    const script = `import KsPay, { KsPay as Named, NotFoundError, verifyWebhook } from 'kspay';
const kspay = new KsPay({ secretKey: 'sk_test_x', baseUrl: process.argv[2] });
const o = await kspay.orders.create({ amount: 100, currency: 'INR' });
const event = kspay.webhooks.verify(process.argv[3], JSON.parse(process.argv[4]), process.argv[5]);
console.log(JSON.stringify({ id: o.id, same: KsPay === Named, error: typeof NotFoundError, event: event.type, verify: typeof verifyWebhook }));`;
    await writeFile(path.join(consumer, 'esm.mjs'), script);
    const secret = newSecret();
    const body = JSON.stringify(orderPaidEvent());
    const { stdout } = await run(process.execPath, ['esm.mjs', server.url, body, JSON.stringify(signedHeaders(secret, body)), secret], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({ id: 'ord_pack1', same: true, error: 'function', event: 'order.paid', verify: 'function' });
  });

  it('works from CommonJS', async () => {
    const script = `const { KsPay, KsPayError, KsPayWebhookVerificationError, RateLimitError, verifyWebhook } = require('kspay');
let code;
try { verifyWebhook('{}', {}, 'whsec_' + 'a'.repeat(32)); } catch (error) { code = error instanceof KsPayError && error instanceof KsPayWebhookVerificationError && error.code; }
new KsPay({ secretKey: 'sk_test_x', baseUrl: process.argv[2] }).orders.retrieve('ord_pack1')
  .then((o) => console.log(JSON.stringify({ id: o.id, error: typeof RateLimitError, code })));`;
    await writeFile(path.join(consumer, 'cjs.cjs'), script);
    const { stdout } = await run(process.execPath, ['cjs.cjs', server.url], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({ id: 'ord_pack1', error: 'function', code: 'missing_header' });
  });

  it('type-checks a TypeScript consumer, in both module systems, and catches a wrong field', async () => {
    const good = `import { KsPay, type Order, KsPayError, verifyWebhook } from 'kspay';
const kspay = new KsPay({ secretKey: 'sk_test_x' });
export async function main(): Promise<Order['status']> {
  try {
    const order = await kspay.orders.create({ amount: 100, currency: 'INR', customer: { email: 'a@b.c' } });
    for await (const o of kspay.orders.list({ status: 'PAID' })) console.log(o.id);
    return order.status;
  } catch (error) {
    if (error instanceof KsPayError) console.log(error.code, error.requestId);
    throw error;
  }
}
export function onDelivery(body: Buffer, headers: Record<string, string | string[] | undefined>): number {
  const event = verifyWebhook(body, headers, ['whsec_old', 'whsec_new']);
  if (event.type === 'refund.processed') return event.data.object.amount;
  if (event.type === 'order.paid') return event.data.object.amount_paid;
  return 0;
}
`;
    await writeFile(path.join(consumer, 'good.ts'), good);
    const bad = `import { KsPay, verifyWebhook } from 'kspay';
new KsPay({ secretKey: 'sk_test_x' }).orders.create({ amount: '100', currency: 'INR' });
const event = verifyWebhook('{}', {}, 'whsec_x');
if (event.type === 'refund.processed') console.log(event.data.object.amount_paid);
`;
    await writeFile(path.join(consumer, 'bad.ts'), bad);
    const tsc = path.resolve(sdkDir, '../node_modules/typescript/bin/tsc');
    const common = ['--noEmit', '--strict', '--skipLibCheck', '--types', 'node', '--typeRoots', path.resolve(sdkDir, '../node_modules/@types')];
    for (const moduleKind of ['nodenext', 'commonjs']) {
      const resolution = moduleKind === 'nodenext' ? 'nodenext' : 'node10';
      await run(process.execPath, [tsc, ...common, '--module', moduleKind, '--moduleResolution', resolution, 'good.ts'], { cwd: consumer });
      const failed = await run(process.execPath, [tsc, ...common, '--module', moduleKind, '--moduleResolution', resolution, 'bad.ts'], { cwd: consumer }).catch((e: { stdout: string }) => e);
      expect((failed as { stdout: string }).stdout).toMatch(/bad\.ts\(2,.*TS2322/);
      // A refund has no amount_paid: the event type narrows data.object.
      expect((failed as { stdout: string }).stdout).toMatch(/bad\.ts\(4,.*TS2339.*amount_paid/);
    }
  });
});
