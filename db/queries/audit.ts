import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { apps, auditLog, merchants } from '../schema';

type AuditInput = {
  appId: string;
  merchantId: string | null;
  action: string;
  details?: Record<string, unknown>;
  ip?: string | null;
};

/** Records an action on an app, with the app's owner, public id and name as they are now. `details` must never hold a secret. */
export async function recordAudit(db: Db, entry: AuditInput) {
  const [app] = await db
    .select({ ownerId: apps.merchantId, appPublicId: apps.publicId, appName: apps.name })
    .from(apps)
    .where(eq(apps.id, entry.appId));
  if (!app) throw new Error(`recordAudit: no app ${entry.appId}`);
  await db.insert(auditLog).values({ ...entry, ...app, details: entry.details ?? {} });
}

const entryColumns = {
  id: auditLog.id,
  appPublicId: auditLog.appPublicId,
  appName: auditLog.appName,
  appId: auditLog.appId,
  action: auditLog.action,
  details: auditLog.details,
  ip: auditLog.ip,
  createdAt: auditLog.createdAt,
  actorEmail: merchants.email,
};

/** The merchant's audit log, newest first: one app's (`publicId`) or every app's, deleted ones included. */
export async function listAudit(db: Db, params: { merchantId: string; publicId?: string; limit?: number }) {
  const rows = await db
    .select(entryColumns)
    .from(auditLog)
    .leftJoin(merchants, eq(merchants.id, auditLog.merchantId))
    .where(
      and(
        eq(auditLog.ownerId, params.merchantId),
        params.publicId === undefined ? undefined : eq(auditLog.appPublicId, params.publicId),
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(params.limit ?? 200);
  // The internal app id stays on the server; the page only needs to know whether the app is gone.
  return rows.map(({ appId, ...row }) => ({ ...row, appDeleted: appId === null }));
}
