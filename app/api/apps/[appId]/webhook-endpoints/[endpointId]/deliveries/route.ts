import { z } from 'zod';
import { getEndpoint } from '@/db/queries/merchant-webhook-endpoints';
import { jsonResponse } from '@/lib/api/json';
import { withOwnedApp } from '@/lib/api/with-owned-app';
import { AppError } from '@/lib/errors';
import { isEndpointId } from '@/lib/outbound-webhooks/catalogue';
import { loadEndpointDeliveries } from '@/lib/outbound-webhooks/delivery-log';
import { parseDeliveryLogQuery } from '@/lib/outbound-webhooks/delivery-log-query';
import { endpointView } from '@/lib/outbound-webhooks/endpoint-view';

const NOT_FOUND = 'No such webhook endpoint for this app.';
const params = z.object({ endpointId: z.string().refine(isEndpointId, NOT_FOUND) });

/** `?status=&type=&cursor=`: the endpoint as it is now and one page of its deliveries (the endpoint page polls it). */
export const GET = withOwnedApp({ params }, async ({ db, app, params, request }) => {
  const { query, before, errors } = parseDeliveryLogQuery(new URL(request.url).searchParams);
  if (errors.length) throw new AppError('bad_request', errors[0]!);
  const endpoint = await getEndpoint(db, { appId: app.id, id: params.endpointId });
  if (!endpoint) throw new AppError('not_found', NOT_FOUND);
  return jsonResponse({ endpoint: endpointView(endpoint), ...(await loadEndpointDeliveries(db, endpoint.id, query, before)) });
});
