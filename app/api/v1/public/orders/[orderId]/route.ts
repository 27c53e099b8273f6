import { API_ORDER_STATUS } from '@/lib/api-v1/dto';
import { requireModeOrder } from '@/lib/api-v1/orders';
import { parseParam } from '@/lib/api-v1/params';
import { publicApiPreflight, publicApiRoute } from '@/lib/api-v1/public-route';
import { orderIdParam } from '@/lib/api-v1/schemas';

/** What the merchant's page may show after checkout: the order's status as the webhooks set it. */
export const GET = publicApiRoute<{ orderId: string }>(async ({ db, caller, params }) => {
  const order = await requireModeOrder(db, caller, parseParam(orderIdParam, params.orderId, 'id'));
  return { id: order.id, object: 'order_status', status: API_ORDER_STATUS[order.status], amount: order.amount, currency: order.currency };
});

export const OPTIONS = publicApiPreflight;
