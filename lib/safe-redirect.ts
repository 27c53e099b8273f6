/** Only same-site paths: `/apps/x` yes; `//evil.com`, `https://evil.com`, `/\evil` no. */
export function safeCallbackPath(value: string | null | undefined, fallback = '/apps'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
