import * as z from '@/lib/zod-mini';

export const MAX_ALLOWED_ORIGINS = 20;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A site origin as browsers send it in `Origin`: scheme, host and port only. https, or http for a
 * local development host. Returns the normalised origin, or why it is not one.
 */
export function normaliseOrigin(value: string): { origin: string } | { error: string } {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { error: 'Enter an origin such as https://shop.example.com' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
    return { error: 'Use https:// (http:// only for localhost)' };
  }
  if (url.username || url.password) return { error: 'An origin has no user name or password' };
  if (url.pathname !== '/' || url.search || url.hash) {
    return { error: 'Just the scheme and host, without a path: https://shop.example.com' };
  }
  return { origin: url.origin };
}

export const allowedOriginsSchema = z.object({
  origins: z
    .array(
      z.string().check(
        z.maxLength(300, 'An origin has at most 300 characters'),
        z.refine((value) => 'origin' in normaliseOrigin(value), {
          error: (issue) => {
            const result = normaliseOrigin(String(issue.input));
            return 'error' in result ? result.error : 'Invalid origin';
          },
        }),
      ),
    )
    .check(z.maxLength(MAX_ALLOWED_ORIGINS, `At most ${MAX_ALLOWED_ORIGINS} domains`)),
});

export type AllowedOriginsInput = z.infer<typeof allowedOriginsSchema>;

/** The stored form: normalised, without duplicates, in the order given. */
export const normaliseOrigins = (origins: string[]) => [
  ...new Set(origins.map((o) => normaliseOrigin(o)).flatMap((r) => ('origin' in r ? [r.origin] : []))),
];
