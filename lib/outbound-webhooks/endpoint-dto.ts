import type { EndpointRow } from '@/db/queries/merchant-webhook-endpoints';

/** An endpoint as the API shows it; `secret` only in the answer that created it. */
export function endpointDto(endpoint: EndpointRow, secret?: string) {
  return {
    id: endpoint.id,
    object: 'webhook_endpoint' as const,
    url: endpoint.url,
    events: endpoint.events,
    description: endpoint.description,
    mode: endpoint.mode,
    status: endpoint.enabled ? ('enabled' as const) : ('disabled' as const),
    disabled_reason: endpoint.disabledReason,
    ...(secret ? { secret } : {}),
    created_at: endpoint.createdAt.toISOString(),
    updated_at: endpoint.updatedAt.toISOString(),
  };
}
