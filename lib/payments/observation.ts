import type { GatewayEvent } from '@/lib/gateways';
import type { PaymentObservation } from './state';

/** The payment a parsed webhook names and what it says about it; null when it names none. */
export function paymentObservationOf(event: GatewayEvent): { gatewayPaymentId: string; observation: PaymentObservation } | null {
  if (!event.paymentId) return null;
  return {
    gatewayPaymentId: event.paymentId,
    observation: {
      status: event.paymentStatus,
      amount: event.amount,
      method: event.method,
      error: event.error ? { code: event.error.code, description: event.error.description } : null,
      refund: event.refund,
    },
  };
}
