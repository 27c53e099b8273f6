import { BlockList, isIP } from 'node:net';

/**
 * Where a merchant's URL may point. `forbidden` is never reached (link-local, cloud metadata,
 * unspecified, multicast, broadcast); `private` (loopback, RFC 1918, CGNAT, ULA) only where the
 * deployment allows it and only for test-mode endpoints; the rest of the non-public space
 * (documentation, benchmarking, reserved, IPv4-embedding IPv6 prefixes) counts as private.
 */
export type AddressClass = 'public' | 'private' | 'forbidden';

const forbidden = new BlockList();
forbidden.addSubnet('0.0.0.0', 8, 'ipv4');
forbidden.addSubnet('169.254.0.0', 16, 'ipv4');
forbidden.addAddress('100.100.100.200', 'ipv4'); // Alibaba Cloud's metadata service
forbidden.addAddress('192.0.0.192', 'ipv4'); // Oracle Cloud's metadata service
forbidden.addSubnet('224.0.0.0', 4, 'ipv4');
forbidden.addAddress('255.255.255.255', 'ipv4');
forbidden.addAddress('::', 'ipv6');
forbidden.addSubnet('fe80::', 10, 'ipv6');
forbidden.addAddress('fd00:ec2::254', 'ipv6'); // AWS's IPv6 metadata service
forbidden.addSubnet('ff00::', 8, 'ipv6');

const nonPublic = new BlockList();
for (const [net, prefix] of [
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['240.0.0.0', 4],
] as const) nonPublic.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::1', 128],
  ['::', 96], // IPv4-compatible (deprecated)
  ['::ffff:0:0:0', 96], // SIIT
  ['fc00::', 7],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
] as const) nonPublic.addSubnet(net, prefix, 'ipv6');

/** `::ffff:a.b.c.d` and `::ffff:xxxx:yyyy` are IPv4 addresses in disguise. */
function embeddedIpv4(address: string): string | null {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

export function classifyAddress(address: string): AddressClass {
  const bare = address.replace(/^\[|\]$/g, '');
  const v4 = isIP(bare) === 6 ? embeddedIpv4(bare) : null;
  const ip = v4 ?? bare;
  const family = isIP(ip);
  if (family === 0) return 'forbidden';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (forbidden.check(ip, type)) return 'forbidden';
  if (nonPublic.check(ip, type)) return 'private';
  return 'public';
}

export interface AddressPolicy {
  mode: 'test' | 'live';
  /** ALLOW_PRIVATE_WEBHOOK_URLS: private addresses for test-mode endpoints. */
  allowPrivate: boolean;
}

/** Why `address` may not be connected to under `policy`, or null when it may. */
export function refusal(address: string, policy: AddressPolicy): string | null {
  const kind = classifyAddress(address);
  if (kind === 'forbidden') return `${address} is a link-local, metadata or otherwise unroutable address: webhooks are never sent there.`;
  if (kind === 'private' && !(policy.allowPrivate && policy.mode === 'test')) {
    return policy.mode === 'live'
      ? `${address} is a private or loopback address: live endpoints must be public.`
      : `${address} is a private or loopback address, which this deployment does not allow (ALLOW_PRIVATE_WEBHOOK_URLS).`;
  }
  return null;
}
