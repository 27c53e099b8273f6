const BASE = 'http://callback.invalid';
// Control characters, and backslashes (which browsers read as `/` in a path).
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * Only paths on our own origin: `/apps/x?tab=1#h` yes; `//evil.com`, `/\evil.com`, `/..//evil.com`,
 * `/%2e%2e//evil.com`, `https://evil.com`, `javascript:…` no. Resolving against a dummy origin is
 * what a browser does; the result is checked again because removing dot segments can leave a path
 * that starts with `//`, which a browser reads in a Location header as another host. Anything but one
 * string (a repeated query parameter arrives as an array) is the fallback too.
 */
export function safeCallbackPath(value: unknown, fallback = '/apps'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || UNSAFE.test(value)) return fallback;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return fallback;
    const path = url.pathname + url.search + url.hash;
    return path.startsWith('/') && !path.startsWith('//') && !UNSAFE.test(path) ? path : fallback;
  } catch {
    return fallback;
  }
}
