import { isIP } from 'node:net';
import { headers } from 'next/headers';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

/**
 * The client's address from X-Forwarded-For, trusting `trustedHops` proxies in front of us.
 *
 * The rule: the LAST entry is the TCP peer of our own server (`stampSocketAddress` appends it on
 * every request). `next start` alone does not append: it keeps a client-sent header as it is and
 * sets the socket address only when there is none (`x-forwarded-for ??= socket.remoteAddress` in
 * next/dist/server/base-server.js, 16.4.6; e2e/auth.spec.ts "the client address" fails without the
 * stamp). Each trusted proxy appends the address it saw, so with N trusted hops the client is the
 * entry N places left of the last one. Entries further left were written by the client: never used.
 * A request with fewer entries than hops (one that skipped some proxies) uses its leftmost entry,
 * the nearest one we have. Some load balancers append `ip:port` or `[ipv6]:port`: the port and
 * brackets are dropped. Anything else is no address, and all such requests share the key 'unknown'.
 */
export function clientIp(requestHeaders: Headers, trustedHops = env.TRUSTED_PROXY_HOPS): string {
  const entries = requestHeaders.get('x-forwarded-for')?.split(',').map((entry) => entry.trim()) ?? [];
  if (entries.length === 0) return 'unknown';
  const entry = entries[Math.max(0, entries.length - 1 - trustedHops)]!;
  const address = withoutPort(entry);
  if (isIP(address)) return address;
  warnOnce(entry);
  return 'unknown';
}

function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d{1,5})?$/.exec(entry);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(entry);
  return v4 ? v4[1]! : entry;
}

let warned = false;
// Once per process: a proxy that writes something else would otherwise flood the log.
function warnOnce(entry: string) {
  if (warned) return;
  warned = true;
  log.warn({ event: 'request_ip.not_an_address', entry: entry.slice(0, 100), hint: 'check TRUSTED_PROXY_HOPS' });
}

/** The client address of the request being handled (server actions, pages), by the rule above. */
export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}
