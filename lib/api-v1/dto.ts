import type { orders, payments } from '@/db/schema';
import { env } from '@/lib/env';

type OrderRow = typeof orders.$inferSelect;
type PaymentRow = typeof payments.$inferSelect;

/** Our statuses as the API (and the seeds) name them. */
export const API_ORDER_STATUS = {
  created: 'CREATED',
  processing: 'PROCESSING',
  paid: 'PAID',
  failed: 'FAILED',
  partially_refunded: 'PARTIALLY_REFUNDED',
  refunded: 'REFUNDED',
} as const satisfies Record<OrderRow['status'], string>;

export const API_PAYMENT_STATUS = {
  created: 'CREATED',
  pending: 'PENDING',
  dropped: 'DROPPED',
  failed: 'FAILED',
  authorized: 'AUTHORIZED',
  captured: 'CAPTURED',
  refunded: 'REFUNDED',
} as const satisfies Record<PaymentRow['status'], string>;

export const checkoutUrl = (orderId: string) => new URL(`/pay/${orderId}`, env.APP_URL).toString();

export type OrderFields = Pick<
  OrderRow,
  | 'id' | 'status' | 'mode' | 'amount' | 'currency' | 'receipt' | 'notes' | 'customerEmail' | 'customerPhone' | 'customerName'
  | 'gateway' | 'gatewayOrderId' | 'redirectUrl' | 'createdAt' | 'updatedAt'
>;
export type PaymentFields = Pick<
  PaymentRow,
  'orderId' | 'gateway' | 'gatewayPaymentId' | 'status' | 'method' | 'amount' | 'amountRefunded' | 'currency' | 'errorCode' | 'errorDescription' | 'createdAt' | 'updatedAt'
>;

export function orderDto(order: OrderFields, totals: { paid: number; refunded: number } = { paid: 0, refunded: 0 }) {
  const hasCustomer = order.customerEmail || order.customerPhone || order.customerName;
  return {
    id: order.id,
    object: 'order' as const,
    status: API_ORDER_STATUS[order.status],
    mode: order.mode,
    amount: order.amount,
    amount_paid: totals.paid,
    amount_refunded: totals.refunded,
    currency: order.currency,
    receipt: order.receipt,
    notes: order.notes,
    customer: hasCustomer ? { email: order.customerEmail, phone: order.customerPhone, name: order.customerName } : null,
    gateway: order.gateway,
    gateway_order_id: order.gatewayOrderId,
    checkout_url: checkoutUrl(order.id),
    redirect_url: order.redirectUrl,
    created_at: order.createdAt.toISOString(),
    updated_at: order.updatedAt.toISOString(),
  };
}

export function paymentDto(payment: PaymentFields) {
  return {
    id: payment.gatewayPaymentId,
    object: 'payment' as const,
    order_id: payment.orderId,
    gateway: payment.gateway,
    gateway_payment_id: payment.gatewayPaymentId,
    status: API_PAYMENT_STATUS[payment.status],
    method: payment.method,
    amount: payment.amount,
    amount_refunded: payment.amountRefunded,
    currency: payment.currency,
    error: payment.errorCode || payment.errorDescription ? { code: payment.errorCode, description: payment.errorDescription } : null,
    created_at: payment.createdAt.toISOString(),
    updated_at: payment.updatedAt.toISOString(),
  };
}
