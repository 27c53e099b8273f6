import type { orders } from '@/db/schema';

export type OrderStatus = (typeof orders.$inferSelect)['status'];

export type CheckoutPhase = 'ready' | 'retry' | 'waiting' | 'paid' | 'failed';
/** The order as the page polls it: its status and how many payment attempts the gateway reported. */
export type OrderProgress = { status: OrderStatus; attempts: number };

/**
 * What the checkout page shows. `started`: this browser handed the customer to the gateway (kept
 * in sessionStorage with the attempts counted then), so a reload, the back button or a second tab
 * waits for the webhook instead of offering a second payment; a failure counts only once the
 * gateway reported an attempt made after the hand-off.
 */
export function checkoutPhase({ status, attempts }: OrderProgress, started: { attempts: number } | null): CheckoutPhase {
  switch (status) {
    case 'paid':
    case 'partially_refunded':
    case 'refunded':
      return 'paid';
    case 'processing':
      return 'waiting';
    case 'failed':
      if (!started) return 'retry';
      return attempts > started.attempts ? 'failed' : 'waiting';
    case 'created':
      return started ? 'waiting' : 'ready';
  }
}

export const isFinalPhase = (phase: CheckoutPhase) => phase === 'paid' || phase === 'failed';

/** The merchant's return address with what happened, as the webhook confirmed it. */
export function returnUrl(redirectUrl: string, params: { orderId: string; status: 'PAID' | 'FAILED' }) {
  const url = new URL(redirectUrl);
  url.searchParams.set('order_id', params.orderId);
  url.searchParams.set('status', params.status);
  return url.toString();
}
