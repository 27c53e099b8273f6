import type { GatewayEvent } from '@/lib/gateways';
import type { PaymentObservation } from './state';

/** What a parsed webhook says about its payment; null when it names no payment. */
export function observationOf(event: GatewayEvent): PaymentObservation | null {
  if (!event.paymentId) return null;
  return {
    status: event.paymentStatus,
    amount: event.amount,
    method: event.method,
    error: event.error ? { code: event.error.code, description: event.error.description } : null,
    refund: event.refund,
  };
}
