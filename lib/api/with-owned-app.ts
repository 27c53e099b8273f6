import { unstable_rethrow } from 'next/navigation';
import { getDb } from '@/db';
import { currentMerchant } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { createOwnedAppRoute } from './owned-app-route';

export type { OwnedAppContext } from './owned-app-route';

/**
 * `export const POST = withOwnedApp({ body: schema }, async ({ db, app, body, merchant, actor }) => …)`
 * for route handlers under /api/apps/[appId]. See createOwnedAppRoute for what it checks.
 */
export const withOwnedApp = createOwnedAppRoute({
  getMerchant: currentMerchant,
  getDb,
  trustedOrigins: [new URL(env.APP_URL).origin],
  rethrow: unstable_rethrow,
});
