/**
 * The client's IP as the nearest proxy saw it: the last X-Forwarded-For entry, which the load
 * balancer in front of us appends (earlier entries are whatever the client chose to send).
 */
export function clientIp(headers: Headers): string {
  const hops = headers.get('x-forwarded-for')?.split(',').map((h) => h.trim()).filter(Boolean) ?? [];
  return (hops.at(-1) || headers.get('x-real-ip') || 'unknown').slice(0, 64);
}
