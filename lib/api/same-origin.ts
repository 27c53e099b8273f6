/**
 * Whether a state-changing request comes from our own pages: its `Origin` must be present and be
 * the request's own origin or one we serve from (APP_URL behind a proxy). Cookies alone would let
 * another site post on the merchant's behalf.
 */
export function isSameOrigin(request: Request, trustedOrigins: readonly string[] = []): boolean {
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null') return false;
  return origin === new URL(request.url).origin || trustedOrigins.includes(origin);
}

export const isSafeMethod = (method: string) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
