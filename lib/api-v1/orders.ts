import type { Db } from '@/db/client';
import { getModeOrder, sumOrderPayments } from '@/db/queries/api-orders';
import type { Caller } from './authenticate-request';
import { orderDto } from './dto';
import { ApiV1Error } from './errors';

/** The caller's order (its app and mode), or the API's 404. */
export async function requireModeOrder(db: Db, caller: Caller, orderId: string) {
  const order = await getModeOrder(db, { appId: caller.appId, mode: caller.mode, orderId });
  if (!order) throw new ApiV1Error(404, 'invalid_request_error', 'resource_missing', `No order ${orderId} in ${caller.mode} mode for this app.`, 'id');
  return order;
}

export async function orderWithTotals(db: Db, order: Awaited<ReturnType<typeof requireModeOrder>>) {
  const totals = await sumOrderPayments(db, { appId: order.appId, orderIds: [order.id] });
  return orderDto(order, totals.get(order.id));
}
