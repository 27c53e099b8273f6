import { jsonResponse } from '@/lib/api/json';
import { withOwnedApp } from '@/lib/api/with-owned-app';
import { AppError } from '@/lib/errors';
import { orderEventParams } from '@/lib/transactions/order-params';
import { loadOrderEvent } from '@/lib/transactions/order-detail';

/** One delivery on an order's timeline with its raw payload, fetched when the merchant opens it. */
export const GET = withOwnedApp({ params: orderEventParams }, async ({ db, app, params }) => {
  const event = await loadOrderEvent(db, { appId: app.id, orderId: params.orderId, eventId: params.eventId });
  if (!event) throw new AppError('not_found', 'This delivery does not exist or is not on this order.');
  return jsonResponse(event);
});
