import type { EndpointRow } from '@/db/queries/merchant-webhook-endpoints';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** An endpoint as the dashboard's client components get it: no secret, times as ISO text. */
export function endpointView(row: EndpointRow) {
  return {
    id: row.id,
    mode: row.mode,
    url: row.url,
    description: row.description,
    events: row.events,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    disabledAt: iso(row.disabledAt),
    failingSince: iso(row.failingSince),
    /** While the secret before the last Rotate still signs beside the new one. */
    previousSecretExpiresAt: row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date() ? row.previousSecretExpiresAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export type EndpointView = ReturnType<typeof endpointView>;
