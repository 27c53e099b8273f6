import type { HeadersLike } from '@/lib/gateways';

// Signatures and anything that may carry a credential never reach the delivery log.
const SECRET_LIKE = /signature|secret|auth|cookie|token|password|api[-_]?key|client[-_]?id/i;
const MAX_HEADERS = 40;
const MAX_VALUE_CHARS = 512;

/** A delivery's headers as the log keeps them: lower-case names, no secrets, bounded, no NUL. */
export function safeHeaders(headers: HeadersLike): Record<string, string> {
  const entries: [string, string][] =
    headers instanceof Headers
      ? [...headers.entries()]
      : Object.entries(headers as Record<string, string | string[] | undefined>).flatMap(([name, value]) =>
          value === undefined ? [] : [[name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value] as [string, string]],
        );
  const kept: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (Object.keys(kept).length >= MAX_HEADERS) break;
    if (SECRET_LIKE.test(name) || !/^[a-z0-9-]{1,64}$/.test(name)) continue;
    kept[name] = value.replace(/\u0000/g, '').slice(0, MAX_VALUE_CHARS).toWellFormed();
  }
  return kept;
}
