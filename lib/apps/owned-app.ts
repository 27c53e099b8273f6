import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db';
import { getApp } from '@/db/queries/apps';
import { requireMerchant } from '@/lib/auth/session';

/**
 * For pages under /apps/[appId]: the signed-in merchant's app, or the 404 page — the same answer
 * for an app that does not exist and one that belongs to someone else.
 */
export const requireOwnedApp = cache(async (publicId: string) => {
  const merchant = await requireMerchant();
  const app = await getApp(await getDb(), { merchantId: merchant.id, publicId });
  if (!app) notFound();
  return { merchant, app };
});
