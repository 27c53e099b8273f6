import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { apps, auditLog, merchants } from '../schema';

export type AuditInput = {
  appId: string;
  merchantId: string | null;
  action: string;
  details?: Record<string, unknown>;
  ip?: string | null;
};

/** Records an action on an app. `details` must never hold a secret. */
export async function recordAudit(db: Db, entry: AuditInput) {
  await db.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}

/** The app's audit log, newest first, if the merchant owns the app. */
export async function listAudit(db: Db, params: { merchantId: string; publicId: string; limit?: number }) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      details: auditLog.details,
      ip: auditLog.ip,
      createdAt: auditLog.createdAt,
      actorEmail: merchants.email,
    })
    .from(auditLog)
    .innerJoin(apps, eq(apps.id, auditLog.appId))
    .leftJoin(merchants, eq(merchants.id, auditLog.merchantId))
    .where(and(eq(apps.publicId, params.publicId), eq(apps.merchantId, params.merchantId)))
    .orderBy(desc(auditLog.createdAt))
    .limit(params.limit ?? 200);
}
