import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientIp } from '@/lib/request-ip';
import { stampSocketAddress } from './socket-address';

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
