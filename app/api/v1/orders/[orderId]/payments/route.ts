import { listPaymentsOfOrder } from '@/db/queries/api-orders';
import { paymentDto } from '@/lib/api-v1/dto';
import { requireModeOrder } from '@/lib/api-v1/orders';
import { parseParam } from '@/lib/api-v1/params';
import { apiRoute } from '@/lib/api-v1/route';
import { orderIdParam } from '@/lib/api-v1/schemas';

export const GET = apiRoute<{ orderId: string }>(async ({ db, caller, params }) => {
  const order = await requireModeOrder(db, caller, parseParam(orderIdParam, params.orderId, 'id'));
  const rows = await listPaymentsOfOrder(db, { appId: caller.appId, orderId: order.id });
  return { body: { object: 'list', data: rows.map(paymentDto), has_more: false } };
});
