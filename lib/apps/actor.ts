import type { Db } from '@/db';
import { recordAudit } from '@/db/queries/audit';

/** Who acts on an app, for the audit log: `appId` is the app's internal id, `ip` the client's. */
export type Actor = { appId: string; merchantId: string; ip: string | null };

export const auditAs = (db: Db, actor: Actor, action: string, details?: Record<string, unknown>) =>
  recordAudit(db, { appId: actor.appId, merchantId: actor.merchantId, ip: actor.ip, action, details });
