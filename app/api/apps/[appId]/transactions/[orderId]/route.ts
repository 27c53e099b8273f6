import { jsonResponse } from '@/lib/api/json';
import { withOwnedApp } from '@/lib/api/with-owned-app';
import { AppError } from '@/lib/errors';
import { orderParams } from '@/lib/transactions/order-params';
import { loadOrderDetail } from '@/lib/transactions/order-detail';

/** An order's facts, payments, refunds and timeline (the detail page polls it while open). */
export const GET = withOwnedApp({ params: orderParams }, async ({ db, app, params }) => {
  const detail = await loadOrderDetail(db, { appId: app.id, orderId: params.orderId });
  if (!detail) throw new AppError('not_found', 'This order does not exist or is not yours.');
  return jsonResponse(detail);
});
