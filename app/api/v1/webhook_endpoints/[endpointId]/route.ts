import { getEndpoint } from '@/db/queries/merchant-webhook-endpoints';
import { ApiV1Error } from '@/lib/api-v1/errors';
import { parseParam } from '@/lib/api-v1/params';
import { apiRoute } from '@/lib/api-v1/route';
import { webhookEndpointIdParam } from '@/lib/api-v1/schemas';
import { endpointDto } from '@/lib/outbound-webhooks/endpoint-dto';
import { removeEndpoint } from '@/lib/outbound-webhooks/endpoints';

type Params = { endpointId: string };

const missing = (id: string) => new ApiV1Error(404, 'invalid_request_error', 'resource_missing', `No such webhook endpoint in this mode: ${id}.`, 'id');

export const GET = apiRoute<Params>(async ({ db, caller, params }) => {
  const id = parseParam(webhookEndpointIdParam, params.endpointId, 'id');
  const endpoint = await getEndpoint(db, { appId: caller.appId, mode: caller.mode, id });
  if (!endpoint) throw missing(id);
  return { body: endpointDto(endpoint) };
});

export const DELETE = apiRoute<Params>(async ({ db, caller, params }) => {
  const id = parseParam(webhookEndpointIdParam, params.endpointId, 'id');
  await removeEndpoint(db, { appId: caller.appId, mode: caller.mode, id }, { merchantId: null });
  return { body: { id, object: 'webhook_endpoint', deleted: true } };
});
