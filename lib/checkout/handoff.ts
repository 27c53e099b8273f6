import type { getCheckoutOrder } from '@/db/queries/checkout';
import { env } from '@/lib/env';
import { isSandbox } from '@/lib/gateways/base-urls';

type CheckoutOrder = NonNullable<Awaited<ReturnType<typeof getCheckoutOrder>>>;

/** How the customer is handed to the gateway: the sandbox's test checkout, or the real gateway's own. */
export type Handoff =
  | { kind: 'sandbox'; url: string }
  | { kind: 'razorpay'; keyId: string; gatewayOrderId: string }
  | { kind: 'cashfree'; paymentSessionId: string; mode: 'sandbox' | 'production' }
  | { kind: 'unavailable' };

export function handoffFor(order: CheckoutOrder): Handoff {
  const back = new URL(`/pay/${order.id}`, env.APP_URL).toString();
  if (isSandbox()) {
    const url = new URL('/__sandbox/checkout', env.SANDBOX_URL);
    url.searchParams.set('gateway', order.gateway);
    url.searchParams.set('order_id', order.gatewayOrderId);
    url.searchParams.set('return_url', back);
    return { kind: 'sandbox', url: url.toString() };
  }
  if (order.gateway === 'razorpay') return order.keyId ? { kind: 'razorpay', keyId: order.keyId, gatewayOrderId: order.gatewayOrderId } : { kind: 'unavailable' };
  if (!order.paymentSessionId) return { kind: 'unavailable' };
  return { kind: 'cashfree', paymentSessionId: order.paymentSessionId, mode: order.environment === 'production' ? 'production' : 'sandbox' };
}
