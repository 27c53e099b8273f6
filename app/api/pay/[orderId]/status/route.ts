import { getDb } from '@/db';
import { getOrderProgress } from '@/db/queries/checkout';
import { jsonResponse } from '@/lib/api/json';
import { isOrderId } from '@/lib/ids';

type Params = { params: Promise<{ orderId: string }> };

/** The checkout page's poll: the order's status as the gateway's webhooks set it, nothing more. */
export async function GET(_request: Request, { params }: Params) {
  const { orderId } = await params;
  const progress = isOrderId(orderId) ? await getOrderProgress(await getDb(), { orderId }) : null;
  if (!progress) return jsonResponse({ error: { code: 'not_found', message: 'No such order.' } }, 404);
  return jsonResponse(progress);
}
