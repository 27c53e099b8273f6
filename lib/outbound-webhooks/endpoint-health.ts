import type { Db } from '@/db';
import { countEndpoints, listFailingEndpoints } from '@/db/queries/merchant-webhook-endpoints';

/** For the Overview's health panel: how many endpoints the app has, and those failing or disabled by failures. */
export async function loadEndpointHealth(db: Db, appId: string) {
  const [total, failing] = await Promise.all([countEndpoints(db, { appId }), listFailingEndpoints(db, { appId })]);
  return {
    total,
    failing: failing.map((row) => ({
      id: row.id,
      mode: row.mode,
      url: row.url,
      enabled: row.enabled,
      disabledReason: row.disabledReason,
      disabledAt: row.disabledAt?.toISOString() ?? null,
      failingSince: row.failingSince?.toISOString() ?? null,
    })),
  };
}
