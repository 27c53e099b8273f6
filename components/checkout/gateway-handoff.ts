'use client';

import type { Handoff } from '@/lib/checkout/handoff';

type Callbacks = { onDismiss(): void; merchant: string };

const SCRIPTS = { razorpay: 'https://checkout.razorpay.com/v1/checkout.js', cashfree: 'https://sdk.cashfree.com/js/v3/cashfree.js' };

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (document.querySelector(`script[src="${src}"]`)) return resolve();
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

type RazorpayCheckout = { open(): void };
type Gateways = {
  Razorpay?: new (options: Record<string, unknown>) => RazorpayCheckout;
  Cashfree?: (options: { mode: string }) => { checkout(options: Record<string, unknown>): Promise<unknown> };
};

/**
 * Hands the customer to the gateway with this tab's attempt token. The page then waits for our
 * server's word (the webhook): the gateway's browser callback is never taken as the result.
 */
export async function handOff(handoff: Handoff, token: string, { onDismiss, merchant }: Callbacks) {
  if (handoff.kind === 'sandbox') {
    const url = new URL(handoff.url);
    url.searchParams.set('attempt', token);
    window.location.assign(url.toString());
    return;
  }
  if (handoff.kind === 'razorpay') {
    await loadScript(SCRIPTS.razorpay);
    const Razorpay = (window as Gateways).Razorpay!;
    new Razorpay({ key: handoff.keyId, order_id: handoff.gatewayOrderId, name: merchant, modal: { ondismiss: onDismiss }, handler: () => undefined }).open();
    return;
  }
  if (handoff.kind === 'cashfree') {
    await loadScript(SCRIPTS.cashfree);
    await (window as Gateways).Cashfree!({ mode: handoff.mode }).checkout({ paymentSessionId: handoff.paymentSessionId, redirectTarget: '_modal' });
    return;
  }
  throw new Error('no checkout for this order');
}
