import { and, desc, eq, sql } from 'drizzle-orm';
import { isAppPublicId, newAppPublicId } from '@/lib/ids';
import type { Db } from '../client';
import { apps } from '../schema';

export type AppFields = { name: string; email: string; country: string };

const publicColumns = {
  publicId: apps.publicId,
  name: apps.name,
  email: apps.email,
  country: apps.country,
  createdAt: apps.createdAt,
  updatedAt: apps.updatedAt,
};

export type AppSummary = Awaited<ReturnType<typeof listApps>>[number];

export async function listApps(db: Db, params: { merchantId: string }) {
  return db
    .select(publicColumns)
    .from(apps)
    .where(eq(apps.merchantId, params.merchantId))
    .orderBy(desc(apps.createdAt), desc(apps.id));
}

/** The app with this public id if, and only if, the merchant owns it. */
export async function getApp(db: Db, params: { merchantId: string; publicId: string }) {
  if (!isAppPublicId(params.publicId)) return null;
  const [row] = await db
    .select({ id: apps.id, ...publicColumns })
    .from(apps)
    .where(and(eq(apps.merchantId, params.merchantId), eq(apps.publicId, params.publicId)));
  return row ?? null;
}

export async function createApp(db: Db, params: { merchantId: string } & AppFields) {
  const [row] = await db
    .insert(apps)
    .values({ ...params, publicId: newAppPublicId() })
    .returning(publicColumns);
  return row!;
}

/** Updates an owned app; `null` when the merchant has no such app. */
export async function updateApp(db: Db, params: { merchantId: string; publicId: string } & AppFields) {
  const { merchantId, publicId, ...fields } = params;
  if (!isAppPublicId(publicId)) return null;
  const [row] = await db
    .update(apps)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(and(eq(apps.merchantId, merchantId), eq(apps.publicId, publicId)))
    .returning(publicColumns);
  return row ?? null;
}

export async function setAllowedOrigins(db: Db, params: { appId: string; origins: string[] }) {
  const [row] = await db
    .update(apps)
    .set({ allowedOrigins: params.origins, updatedAt: sql`now()` })
    .where(eq(apps.id, params.appId))
    .returning({ allowedOrigins: apps.allowedOrigins });
  return row ?? null;
}

export async function getAllowedOrigins(db: Db, params: { appId: string }) {
  const [row] = await db.select({ allowedOrigins: apps.allowedOrigins }).from(apps).where(eq(apps.id, params.appId));
  return row?.allowedOrigins ?? [];
}

export async function deleteApp(db: Db, params: { merchantId: string; publicId: string }) {
  if (!isAppPublicId(params.publicId)) return false;
  const rows = await db
    .delete(apps)
    .where(and(eq(apps.merchantId, params.merchantId), eq(apps.publicId, params.publicId)))
    .returning({ id: apps.id });
  return rows.length > 0;
}
