import type { Db } from '@/db';
import { getApp } from '@/db/queries/apps';
import { AppError } from '@/lib/errors';

export type OwnedApp = NonNullable<Awaited<ReturnType<typeof getApp>>>;

export const appNotFound = () => new AppError('not_found', 'This app does not exist or is not yours.');

/** For actions and route handlers: the merchant's app, or a not-found error (never "forbidden"). */
export async function requireAppOf(db: Db, params: { merchantId: string; publicId: string }) {
  const app = await getApp(db, params);
  if (!app) throw appNotFound();
  return app;
}
