import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

// A production server must refuse to start on a configuration that would be unsafe, rather than
// half-start: these run the real production build with `npm start`'s script.
const secrets = {
  AUTH_SECRET: 'deploy-auth-secret-0123456789abcdefghijkl',
  ENCRYPTION_KEYS: 'deploy:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
};

function start(extraEnv: Record<string, string>, port: number) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...secrets, DATA_DIR: `.data/deploy-${port}`, SANDBOX_PORT: String(port + 1000) };
  delete env.GATEWAYS;
  delete env.DATABASE_URL;
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, ['scripts/start.mjs', 'start', '-p', String(port)], { env });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { exited, output: () => output, stop: () => child.kill('SIGTERM') };
}

test.describe('production start-up', () => {
  test.describe.configure({ mode: 'serial' });

  test('refuses to start without GATEWAYS, and never starts the sandbox for it', async () => {
    const server = start({}, 3190);
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('GATEWAYS must be set in production');
    expect(server.output()).not.toContain('[sandbox]');
  });

  test('refuses live gateways behind an http APP_URL', async () => {
    const server = start({ GATEWAYS: 'live', APP_URL: 'http://pay.example.com' }, 3191);
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('APP_URL must be https with GATEWAYS=live');
    expect(server.output()).not.toContain('[sandbox]');
  });

  test('GATEWAYS=sandbox, said explicitly, starts the sandbox and serves', async () => {
    const server = start({ GATEWAYS: 'sandbox', APP_URL: 'http://localhost:3192' }, 3192);
    try {
      await expect
        .poll(() => fetch('http://localhost:3192/api/health').then((r) => r.status, () => 0), { timeout: 30_000 })
        .toBe(200);
      expect((await fetch('http://localhost:4192/__sandbox/health')).status).toBe(200);
    } finally {
      server.stop();
      await server.exited;
    }
  });
});
