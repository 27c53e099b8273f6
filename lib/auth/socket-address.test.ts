import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { clientIp } from '@/lib/request-ip';
import { stampSocketAddress } from './socket-address';

const run = promisify(execFile);

describe('stampSocketAddress', () => {
  it('appends the socket address to whatever X-Forwarded-For the client sent', async () => {
    stampSocketAddress();
    stampSocketAddress(); // installing twice appends once
    const seen: (string | undefined)[] = [];
    const server = createServer((request, response) => {
      seen.push(request.headers['x-forwarded-for'] as string | undefined);
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      await fetch(url, { headers: { 'x-forwarded-for': '6.6.6.6' } });
      await fetch(url);
    } finally {
      server.close();
    }
    expect(seen).toEqual(['6.6.6.6, 127.0.0.1', '127.0.0.1']);
    expect(clientIp(new Headers({ 'x-forwarded-for': seen[0]! }), 0)).toBe('127.0.0.1');
  });
});

describe('scripts/stamp-socket-address.mjs', () => {
  it('preloaded with --import, stamps the requests of a server listening before any app code ran', async () => {
    // What `next start` does before `register()`: listen at once, serve whatever arrives.
    const script = `
      const server = require('node:http').createServer((q, r) => r.end(String(q.headers['x-forwarded-for'])));
      server.listen(0, '127.0.0.1', async () => {
        const url = 'http://127.0.0.1:' + server.address().port;
        const seen = await (await fetch(url, { headers: { 'x-forwarded-for': '6.6.6.6' } })).text();
        server.close();
        process.stdout.write(seen);
      });`;
    const { stdout } = await run(process.execPath, ['--import', './scripts/stamp-socket-address.mjs', '-e', script]);
    expect(stdout).toBe('6.6.6.6, 127.0.0.1');
  });

  it('is what scripts/start.mjs and the e2e server start Next with', () => {
    for (const file of ['scripts/start.mjs', 'playwright.config.ts']) {
      expect(readFileSync(file, 'utf8'), file).toMatch(/'--import', '\.\/scripts\/stamp-socket-address\.mjs'|--import \.\/scripts\/stamp-socket-address\.mjs node_modules\/next/);
    }
  });
});
