import { listModeOrders, sumOrderPayments } from '@/db/queries/api-orders';
import type { Order } from '@/db/schema';
import { API_ORDER_STATUS, orderDto } from '@/lib/api-v1/dto';
import { ApiV1Error } from '@/lib/api-v1/errors';
import { apiRoute } from '@/lib/api-v1/route';
import { createOrderSchema, listOrdersSchema } from '@/lib/api-v1/schemas';
import { createOrder } from '@/lib/orders/create-order';

/** Creates the order at the app's verified gateway (the key's mode) and answers 201 with its checkout_url. */
export const POST = apiRoute(async ({ db, caller, body }) => {
  const order = await createOrder(db, { appId: caller.appId }, body(createOrderSchema), { mode: caller.mode, verified: caller.verified });
  return { status: 201, body: orderDto(order) };
});

const STATUS_OF = Object.fromEntries(Object.entries(API_ORDER_STATUS).map(([ours, theirs]) => [theirs, ours])) as Record<string, Order['status']>;
const instant = (value: string) => (/^\d+$/.test(value) ? new Date(Number(value) * 1000) : new Date(value));

/** The app's orders in the key's mode, newest first, Stripe-style (`limit`, `starting_after` / `ending_before`, `has_more`). */
export const GET = apiRoute(async ({ db, caller, query }) => {
  const q = query(listOrdersSchema);
  const page = await listModeOrders(db, {
    appId: caller.appId,
    mode: caller.mode,
    status: q.status && STATUS_OF[q.status],
    createdFrom: q.created_gte ? instant(q.created_gte) : undefined,
    // Inclusive in the API; the query's bound is exclusive.
    createdBefore: q.created_lte ? new Date(instant(q.created_lte).getTime() + 1) : undefined,
    limit: q.limit,
    startingAfter: q.starting_after,
    endingBefore: q.ending_before,
  });
  if (!page) {
    const param = q.starting_after ? 'starting_after' : 'ending_before';
    throw new ApiV1Error(400, 'invalid_request_error', 'resource_missing', `${param}: no such order in ${caller.mode} mode for this app.`, param);
  }
  const totals = await sumOrderPayments(db, { appId: caller.appId, orderIds: page.rows.map((o) => o.id) });
  return { body: { object: 'list', data: page.rows.map((o) => orderDto(o, totals.get(o.id))), has_more: page.hasMore } };
});
