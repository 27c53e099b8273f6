import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { order, send, startServer } from './server.js';

const run = promisify(execFile);
const sdkDir = path.resolve(import.meta.dirname, '..');
let consumer: string;
let tarball: string;
let server: Awaited<ReturnType<typeof startServer>>;

// What a merchant does: `npm pack` here, `npm install kspay-x.y.z.tgz` in their project.
beforeAll(async () => {
  consumer = await mkdtemp(path.join(tmpdir(), 'kspay-consumer-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', consumer], { cwd: sdkDir });
  tarball = path.join(consumer, JSON.parse(stdout)[0].filename);
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
    const script = `import KsPay, { KsPay as Named, NotFoundError } from 'kspay';
const kspay = new KsPay({ secretKey: 'sk_test_x', baseUrl: process.argv[2] });
const o = await kspay.orders.create({ amount: 100, currency: 'INR' });
console.log(JSON.stringify({ id: o.id, same: KsPay === Named, error: typeof NotFoundError }));`;
    await writeFile(path.join(consumer, 'esm.mjs'), script);
    const { stdout } = await run(process.execPath, ['esm.mjs', server.url], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({ id: 'ord_pack1', same: true, error: 'function' });
  });

  it('works from CommonJS', async () => {
    const script = `const { KsPay, RateLimitError } = require('kspay');
new KsPay({ secretKey: 'sk_test_x', baseUrl: process.argv[2] }).orders.retrieve('ord_pack1')
  .then((o) => console.log(JSON.stringify({ id: o.id, error: typeof RateLimitError })));`;
    await writeFile(path.join(consumer, 'cjs.cjs'), script);
    const { stdout } = await run(process.execPath, ['cjs.cjs', server.url], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({ id: 'ord_pack1', error: 'function' });
  });

  it('type-checks a TypeScript consumer, in both module systems, and catches a wrong field', async () => {
    const good = `import { KsPay, type Order, KsPayError } from 'kspay';
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
`;
    await writeFile(path.join(consumer, 'good.ts'), good);
    await writeFile(path.join(consumer, 'bad.ts'), `import { KsPay } from 'kspay';\nnew KsPay({ secretKey: 'sk_test_x' }).orders.create({ amount: '100', currency: 'INR' });\n`);
    const tsc = path.resolve(sdkDir, '../node_modules/typescript/bin/tsc');
    const common = ['--noEmit', '--strict', '--skipLibCheck', '--types', 'node', '--typeRoots', path.resolve(sdkDir, '../node_modules/@types')];
    for (const moduleKind of ['nodenext', 'commonjs']) {
      const resolution = moduleKind === 'nodenext' ? 'nodenext' : 'node10';
      await run(process.execPath, [tsc, ...common, '--module', moduleKind, '--moduleResolution', resolution, 'good.ts'], { cwd: consumer });
      const bad = await run(process.execPath, [tsc, ...common, '--module', moduleKind, '--moduleResolution', resolution, 'bad.ts'], { cwd: consumer }).catch((e: { stdout: string }) => e);
      expect((bad as { stdout: string }).stdout).toMatch(/TS2322|not assignable/);
    }
  });
});
