import { z } from 'zod';
import { getEndpoint } from '@/db/queries/merchant-webhook-endpoints';
import { jsonResponse } from '@/lib/api/json';
import { withOwnedApp } from '@/lib/api/with-owned-app';
import { AppError } from '@/lib/errors';
import { isEndpointId, isEventId } from '@/lib/outbound-webhooks/catalogue';
import { loadEndpointDelivery } from '@/lib/outbound-webhooks/delivery-log';

const NOT_FOUND = 'No such delivery for this endpoint.';
const params = z.object({ endpointId: z.string().refine(isEndpointId, NOT_FOUND), eventId: z.string().refine(isEventId, NOT_FOUND) });

/** One delivery with its event's body and every attempt; 404 for a malformed id or another app's. */
export const GET = withOwnedApp({ params }, async ({ db, app, params }) => {
  const endpoint = await getEndpoint(db, { appId: app.id, id: params.endpointId });
  const detail = endpoint && (await loadEndpointDelivery(db, endpoint.id, params.eventId));
  if (!detail) throw new AppError('not_found', NOT_FOUND);
  return jsonResponse(detail);
});
