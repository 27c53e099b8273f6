import { z } from 'zod';
import { jsonResponse } from '@/lib/api/json';
import { withOwnedApp } from '@/lib/api/with-owned-app';
import { AppError } from '@/lib/errors';
import { loadDeliveryDetail } from '@/lib/webhooks/delivery-page';

const params = z.object({ deliveryId: z.uuid({ error: 'No such delivery for this app.' }) });

/** One delivery with its headers, payload and signature check; 404 for a malformed id or another app's. */
export const GET = withOwnedApp({ params }, async ({ db, app, params }) => {
  const detail = await loadDeliveryDetail(db, app.id, params.deliveryId);
  if (!detail) throw new AppError('not_found', 'No such delivery for this app.');
  return jsonResponse(detail);
});
