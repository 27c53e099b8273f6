import { createOrder } from '@/lib/orders/create-order';
import { orderDto } from '@/lib/api-v1/dto';
import { apiRoute } from '@/lib/api-v1/route';
import { createOrderSchema } from '@/lib/api-v1/schemas';

/** Creates the order at the app's verified gateway (the key's mode) and answers 201 with its checkout_url. */
export const POST = apiRoute(async ({ db, caller, body }) => {
  const order = await createOrder(db, { appId: caller.appId }, body(createOrderSchema), { mode: caller.mode });
  return { status: 201, body: orderDto(order) };
});
