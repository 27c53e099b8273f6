import type { Badge } from '@/components/ui/badge';
import { GATEWAYS } from '@/lib/gateways/descriptors';
import type { PaymentStatus, RefundStatus } from '@/lib/transactions/contract';
import type { GatewayName, Mode, OrderStatus, PaymentMethod } from '@/lib/transactions/view';

type Variant = React.ComponentProps<typeof Badge>['variant'];

// The one place the money enums become words (and badge colours). Order statuses are written as
// the seeds name them; a delivery's outcome and source are named in components/webhooks/outcome-labels.ts.

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  created: 'CREATED',
  processing: 'PROCESSING',
  paid: 'PAID',
  failed: 'FAILED',
  refunded: 'REFUNDED',
  partially_refunded: 'PARTIALLY REFUNDED',
};

export const ORDER_STATUS_VARIANTS: Record<OrderStatus, Variant> = {
  created: 'outline',
  processing: 'warning',
  paid: 'success',
  failed: 'destructive',
  refunded: 'secondary',
  partially_refunded: 'secondary',
};

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  created: 'Created',
  pending: 'Pending',
  authorized: 'Authorized',
  captured: 'Captured',
  failed: 'Failed',
  dropped: 'Dropped by customer',
  refunded: 'Refunded',
};

export const PAYMENT_STATUS_VARIANTS: Record<PaymentStatus, Variant> = {
  created: 'outline',
  pending: 'warning',
  authorized: 'warning',
  captured: 'success',
  failed: 'destructive',
  dropped: 'destructive',
  refunded: 'secondary',
};

export const REFUND_STATUS_LABELS: Record<RefundStatus, string> = {
  pending: 'Pending',
  processed: 'Processed',
  failed: 'Failed',
};

export const MODE_LABELS: Record<Mode, string> = { test: 'Test', live: 'Live' };

export const GATEWAY_LABELS: Record<GatewayName, string> = { razorpay: GATEWAYS.razorpay.label, cashfree: GATEWAYS.cashfree.label };

export const METHOD_LABELS: Record<PaymentMethod, string> = {
  upi: 'UPI',
  card: 'Card',
  credit_card: 'Credit card',
  debit_card: 'Debit card',
  netbanking: 'Net banking',
  wallet: 'Wallet',
  emi: 'EMI',
  other: 'Other',
};

/** A stored method as words; one we do not know is shown as stored. */
export const methodLabel = (method: string | null) => (method ? (METHOD_LABELS[method as PaymentMethod] ?? method) : null);
