import type { Db } from '@/db/client';
import { getCredentials } from '@/db/queries/gateway-connections';
import { decryptSecret } from '@/lib/crypto';
import { razorpayCheckoutSignature, safeEqual } from '@/lib/gateways/signatures';
import type { Caller } from './authenticate-request';
import { ApiV1Error } from './errors';
import { orderWithTotals, requireModeOrder } from './orders';

/**
 * Razorpay Checkout's callback, checked against the gateway order id **we** stored and the key
 * secret the order was made with. A genuine callback is not a payment: the webhook confirms it.
 */
export async function verifyCheckoutPayment(db: Db, caller: Caller, input: { order_id: string; payment_id: string; signature: string }) {
  const order = await requireModeOrder(db, caller, input.order_id);
  if (order.gateway !== 'razorpay') {
    throw new ApiV1Error(400, 'invalid_request_error', 'not_razorpay', "This order is Cashfree's: Cashfree Checkout sends no signature to check. Wait for the order's status instead.", 'order_id');
  }
  const credentials =
    order.connectionId && order.credentialsId ? await getCredentials(db, { connectionId: order.connectionId, credentialsId: order.credentialsId }) : null;
  if (!credentials) {
    throw new ApiV1Error(409, 'invalid_request_error', 'credentials_gone', 'The gateway credentials this order was made with are no longer on file (the gateway was reset), so its checkout cannot be checked.', 'order_id');
  }
  const expected = razorpayCheckoutSignature(order.gatewayOrderId, input.payment_id, decryptSecret(credentials.secret));
  return { object: 'payment_verification', verified: safeEqual(expected, input.signature), order: await orderWithTotals(db, order) };
}
