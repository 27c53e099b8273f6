import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

/** `npm pack` of sdk/, as a merchant would get it; the tarball's path. */
export async function packSdk() {
  const { stdout } = await run('npm', ['pack', '--json'], { cwd: path.join(root, 'sdk') });
  return path.join(root, 'sdk', JSON.parse(stdout)[0].filename as string);
}

/** A copy of examples/<name> in a temporary folder with its dependencies and the packed SDK installed. */
export async function installExample(name: 'express' | 'nextjs', tarball: string, extra: string[] = []) {
  const dir = await mkdtemp(path.join(tmpdir(), `kspay-${name}-`));
  await cp(path.join(root, 'examples', name), dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  if (name === 'nextjs') await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'kspay-example-nextjs', private: true, type: 'module' }));
  else {
    // The example points at ../../sdk/kspay-*.tgz; here the tarball is elsewhere.
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    pkg.dependencies.kspay = `file:${tarball}`;
    await writeFile(path.join(dir, 'package.json'), JSON.stringify(pkg));
  }
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...(name === 'nextjs' ? [tarball, ...extra] : extra)], { cwd: dir });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the example shop (examples/express/server.mjs) and waits until it listens. */
export async function startShop(dir: string, env: { port: number; kspayUrl: string; secretKey: string }) {
  const child: ChildProcess = spawn(process.execPath, ['server.mjs'], {
    cwd: dir,
    env: { ...process.env, PORT: String(env.port), SHOP_URL: `http://localhost:${env.port}`, KSPAY_URL: env.kspayUrl, KSPAY_SECRET_KEY: env.secretKey },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`the shop exited with ${code}`)));
  });
  return { url: `http://localhost:${env.port}`, stop: () => child.kill('SIGTERM') };
}
