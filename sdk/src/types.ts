export type Mode = 'test' | 'live';
export type Gateway = 'razorpay' | 'cashfree';

/** An order's state as KS Pay recorded it from the gateway's webhooks (never from the browser). */
export type OrderStatus = 'CREATED' | 'PROCESSING' | 'PAID' | 'FAILED' | 'PARTIALLY_REFUNDED' | 'REFUNDED';
export type PaymentStatus = 'CREATED' | 'PENDING' | 'DROPPED' | 'FAILED' | 'AUTHORIZED' | 'CAPTURED' | 'REFUNDED';

export type Customer = { email?: string | null; phone?: string | null; name?: string | null };

export type Order = {
  id: string;
  object: 'order';
  status: OrderStatus;
  mode: Mode;
  /** Minor units: 49900 is ₹499.00. */
  amount: number;
  amount_paid: number;
  amount_refunded: number;
  currency: string;
  receipt: string | null;
  notes: Record<string, string>;
  customer: Customer | null;
  gateway: Gateway;
  gateway_order_id: string;
  /** Send the customer here to pay (KS Pay's hosted checkout). */
  checkout_url: string;
  redirect_url: string | null;
  created_at: string;
  updated_at: string;
};

export type Payment = {
  id: string;
  object: 'payment';
  order_id: string;
  gateway: Gateway;
  gateway_payment_id: string;
  status: PaymentStatus;
  method: string | null;
  amount: number;
  amount_refunded: number;
  currency: string;
  error: { code: string | null; description: string | null } | null;
  created_at: string;
  updated_at: string;
};

export type List<T> = { object: 'list'; data: T[]; has_more: boolean };

export type OrderCreateParams = {
  amount: number;
  currency: string;
  receipt?: string;
  notes?: Record<string, string>;
  customer?: Customer;
  /** Where hosted checkout returns the customer; must be on one of the app's allowed domains. */
  redirect_url?: string;
};

export type OrderListParams = {
  /** 1–100, default 10. */
  limit?: number;
  status?: OrderStatus;
  created_gte?: Date | string;
  created_lte?: Date | string;
  starting_after?: string;
  ending_before?: string;
};

export type PaymentVerifyParams = { order_id: string; payment_id: string; signature: string };
export type PaymentVerification = {
  object: 'payment_verification';
  /** The checkout callback is genuine. The order is final only when `order.status` says so. */
  verified: boolean;
  order: Order;
};

export type RefundStatus = 'PENDING' | 'PROCESSED' | 'FAILED';
export type Refund = {
  id: string;
  object: 'refund';
  payment_id: string;
  order_id: string;
  amount: number;
  currency: string;
  status: RefundStatus;
};

type Envelope<Type extends string, Data> = {
  /** `evt_…`, the same as the `webhook-id` header and on every retry: your idempotency key. */
  id: string;
  type: Type;
  /** Unix seconds: when the change happened at KS Pay (not when this delivery was sent). */
  created: number;
  mode: Mode;
  data: { object: Data };
};

/** What KS Pay sends your server, discriminated on `type`: `switch (event.type)` narrows `data.object`. */
export type WebhookEvent =
  | Envelope<'order.paid', Order>
  | Envelope<'order.failed', Order>
  | Envelope<'order.refunded', Order>
  | Envelope<'order.partially_refunded', Order>
  | Envelope<'payment.captured', Payment>
  | Envelope<'payment.failed', Payment>
  | Envelope<'refund.processed', Refund>;

export type WebhookEventType = WebhookEvent['type'];
/** One kind of event: `WebhookEventOf<'order.paid'>`. */
export type WebhookEventOf<Type extends WebhookEventType> = Extract<WebhookEvent, { type: Type }>;
