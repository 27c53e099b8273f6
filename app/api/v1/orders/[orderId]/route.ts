import { apiRoute } from '@/lib/api-v1/route';
import { orderIdParam } from '@/lib/api-v1/schemas';
import { orderWithTotals, requireModeOrder } from '@/lib/api-v1/orders';
import { parseParam } from '@/lib/api-v1/params';

export const GET = apiRoute<{ orderId: string }>(async ({ db, caller, params }) => {
  const order = await requireModeOrder(db, caller, parseParam(orderIdParam, params.orderId, 'id'));
  return { body: await orderWithTotals(db, order) };
});
