import type { DeliveryOutcome } from '@/db/schema';

// Client-safe lists (no database code): the filters offer these.

export const DELIVERY_OUTCOMES = ['applied', 'duplicate', 'stale', 'ignored', 'rejected'] as const satisfies readonly DeliveryOutcome[];

/** The event types each gateway sends us (Razorpay's as lib/gateways names them, Cashfree's webhook types). */
export const EVENT_TYPES = {
  razorpay: ['payment.authorized', 'payment.captured', 'payment.failed', 'order.paid', 'refund.created', 'refund.processed', 'refund.failed'],
  cashfree: ['PAYMENT_SUCCESS_WEBHOOK', 'PAYMENT_FAILED_WEBHOOK', 'PAYMENT_USER_DROPPED_WEBHOOK', 'REFUND_STATUS_WEBHOOK'],
} as const;
