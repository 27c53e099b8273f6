import type { Db } from '@/db';
import { recordAudit } from '@/db/queries/audit';

/** Who acts on an app's gateway connection: `appId` is the app's internal id. */
export type Actor = { appId: string; merchantId: string; ip: string };

export const auditAs = (db: Db, actor: Actor, action: string, details?: Record<string, unknown>) =>
  recordAudit(db, { appId: actor.appId, merchantId: actor.merchantId, ip: actor.ip, action, details });
