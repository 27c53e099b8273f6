import { isIP } from 'node:net';
import { headers } from 'next/headers';
import { env } from '@/lib/env';

/**
 * The client's address from X-Forwarded-For, trusting `trustedHops` proxies in front of us.
 *
 * The rule: the LAST entry is the TCP peer of our own server (`stampSocketAddress` appends it on
 * every request). `next start` alone does not append: it keeps a client-sent header as it is and
 * sets the socket address only when there is none (`x-forwarded-for ??= socket.remoteAddress` in
 * next/dist/server/base-server.js, 16.4.6; e2e/auth.spec.ts "the client address" fails without the
 * stamp). Each trusted proxy appends the address it saw, so with N trusted hops the client is the
 * entry N places left of the last one. Entries further left were written by the client: never used.
 * Fewer entries than expected means a request that skipped the proxies: its leftmost entry is the
 * nearest one we have.
 */
export function clientIp(requestHeaders: Headers, trustedHops = env.TRUSTED_PROXY_HOPS): string {
  const entries = requestHeaders.get('x-forwarded-for')?.split(',').map((entry) => entry.trim()) ?? [];
  if (entries.length === 0) return 'unknown';
  const entry = entries[Math.max(0, entries.length - 1 - trustedHops)]!;
  return isIP(entry) ? entry : 'unknown';
}

/** The client address of the request being handled (server actions, pages), by the rule above. */
export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}
