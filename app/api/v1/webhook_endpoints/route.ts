import { listEndpoints } from '@/db/queries/merchant-webhook-endpoints';
import { apiRoute } from '@/lib/api-v1/route';
import { createWebhookEndpointSchema } from '@/lib/api-v1/schemas';
import { endpointDto } from '@/lib/outbound-webhooks/endpoint-dto';
import { createEndpoint } from '@/lib/outbound-webhooks/endpoints';

/** Adds an endpoint in the key's mode; the answer carries its signing secret, this once. */
export const POST = apiRoute(async ({ db, caller, body }) => {
  const { endpoint, secret } = await createEndpoint(db, { appId: caller.appId, mode: caller.mode }, body(createWebhookEndpointSchema), { merchantId: null });
  return { status: 201, body: endpointDto(endpoint, secret) };
});

export const GET = apiRoute(async ({ db, caller }) => {
  const rows = await listEndpoints(db, { appId: caller.appId, mode: caller.mode });
  return { body: { object: 'list', data: rows.map((row) => endpointDto(row)), has_more: false } };
});
