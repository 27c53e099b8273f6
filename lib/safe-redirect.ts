const BASE = 'http://callback.invalid';

/**
 * Only same-site paths: `/apps/x` yes; `//evil.com`, `/\evil`, `/\t/evil.com`, `https://evil.com` no.
 * Resolving against a dummy origin is what a browser does, control characters included.
 */
export function safeCallbackPath(value: string | null | undefined, fallback = '/apps'): string {
  if (!value || !value.startsWith('/')) return fallback;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
