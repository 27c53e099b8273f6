import type { Db } from '@/db/client';
import { getAllowedOrigins } from '@/db/queries/apps';
import { ApiV1Error } from './errors';

/** A `redirect_url` on one of the app's allowed domains, or a 400 that says where to add it. */
export async function requireAllowedRedirect(db: Db, params: { appId: string; redirectUrl: string }) {
  const origin = new URL(params.redirectUrl).origin;
  const allowed = await getAllowedOrigins(db, { appId: params.appId });
  if (!allowed.includes(origin)) {
    throw new ApiV1Error(
      400,
      'invalid_request_error',
      'redirect_url_not_allowed',
      `redirect_url: ${origin} is not one of this app's allowed domains. Add it under Settings → General → Allowed domains.`,
      'redirect_url',
    );
  }
  return params.redirectUrl;
}
