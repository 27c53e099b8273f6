export type GatewayName = 'razorpay' | 'cashfree';

export interface RazorpayCredentials {
  keyId: string;
  keySecret: string;
}

export type CashfreeEnvironment = 'sandbox' | 'production';

export interface CashfreeCredentials {
  clientId: string;
  clientSecret: string;
  environment: CashfreeEnvironment;
}

export interface CreateOrderInput {
  /** Integer amount in the currency's minor unit (paise for INR). */
  amount: number;
  /** ISO 4217 code, e.g. `INR`. */
  currency: string;
  /** Our unique reference; Razorpay `receipt`, Cashfree `order_id`. */
  receipt: string;
  /** Razorpay `notes`; Cashfree `order_tags`. */
  notes?: Record<string, string>;
}

export interface CustomerDetails {
  id: string;
  phone: string;
  email?: string;
  name?: string;
}

export interface CashfreeOrderInput extends CreateOrderInput {
  customer: CustomerDetails;
  /** Where Cashfree sends this order's webhooks (`order_meta.notify_url`). */
  notifyUrl: string;
  returnUrl?: string;
  /** Reused on every retry of this call; a random one is generated when omitted. */
  idempotencyKey?: string;
}

export type OrderStatus = 'created' | 'attempted' | 'paid' | 'expired' | 'terminated';

export interface GatewayOrder {
  gateway: GatewayName;
  /** Razorpay `order_…` id; Cashfree `order_id` (the receipt we sent). */
  gatewayOrderId: string;
  status: OrderStatus;
  /** The gateway's own status word, e.g. `created` or `ACTIVE`. */
  gatewayStatus: string;
  /** Minor units (paise). */
  amount: number;
  currency: string;
  receipt: string | null;
  /** Cashfree checkout needs it; always null for Razorpay. */
  paymentSessionId: string | null;
  /** The gateway's response as received, kept for the record. */
  raw: unknown;
}

export type HeadersLike = Headers | Record<string, string | string[] | undefined>;

export interface VerifyWebhookInput {
  /** The request body exactly as received, before any JSON parsing. */
  rawBody: string;
  headers: HeadersLike;
  /** Razorpay: webhook secret(s); Cashfree: client secret(s). Several during a rotation. */
  secrets: readonly string[];
}

export type WebhookVerification =
  | { valid: true; secretIndex: number }
  | { valid: false; reason: WebhookRejection };

export type WebhookRejection = 'no_secrets' | 'missing_signature' | 'malformed_signature' | 'missing_timestamp' | 'signature_mismatch';

export type GatewayEventType =
  | 'payment.authorized'
  | 'payment.captured'
  | 'payment.failed'
  | 'payment.dropped'
  | 'payment.pending'
  | 'order.paid'
  | 'refund.created'
  | 'refund.processed'
  | 'refund.failed'
  | 'unknown';

export type PaymentStatus = 'created' | 'pending' | 'authorized' | 'captured' | 'failed' | 'dropped' | 'refunded';

export type PaymentMethod = 'credit_card' | 'debit_card' | 'card' | 'upi' | 'netbanking' | 'wallet' | 'emi' | 'other';

export interface GatewayEvent {
  gateway: GatewayName;
  /** Deduplication key: the same on every delivery of one event. */
  eventId: string;
  type: GatewayEventType;
  /** The gateway's own event name, e.g. `payment.captured` or `PAYMENT_SUCCESS_WEBHOOK`. */
  gatewayType: string;
  orderId: string | null;
  paymentId: string | null;
  paymentStatus: PaymentStatus | null;
  method: PaymentMethod | null;
  /** Payment amount in minor units (paise). */
  amount: number | null;
  currency: string | null;
  error: { code: string | null; description: string | null; reason: string | null; source: string | null } | null;
  refund: { id: string; amount: number; status: 'pending' | 'processed' | 'failed' } | null;
  occurredAt: Date;
  raw: unknown;
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface GatewayOptions {
  /** Overrides the base URL derived from env (tests point this at an in-process sandbox). */
  baseUrl?: string;
  /** Per-request timeout; defaults to GATEWAY_TIMEOUT_MS. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

/** A payment as the gateway's order-payments API lists it (sync). */
export interface GatewayPayment {
  paymentId: string;
  status: PaymentStatus | null;
  method: PaymentMethod | null;
  /** Minor units. */
  amount: number;
  currency: string;
  /** Minor units; null when the gateway does not say. */
  amountRefunded: number | null;
  error: { code: string | null; description: string | null } | null;
  raw: unknown;
}

export interface Gateway<C, I extends CreateOrderInput> {
  readonly name: GatewayName;
  createOrder(credentials: C, input: I): Promise<GatewayOrder>;
  /** The order's payments (Razorpay `GET /v1/orders/:id/payments`, Cashfree `GET /pg/orders/:id/payments`). */
  listOrderPayments(credentials: C, gatewayOrderId: string): Promise<GatewayPayment[]>;
  verifyWebhook(input: VerifyWebhookInput): WebhookVerification;
  /** Only call with a body that `verifyWebhook` accepted. */
  parseWebhook(rawBody: string, headers: HeadersLike): GatewayEvent;
}

export interface CheckoutSignatureInput {
  /** The order id we stored, not the one the browser sent. */
  orderId: string;
  paymentId: string;
  signature: string;
  keySecret: string;
}

export interface RazorpayGateway extends Gateway<RazorpayCredentials, CreateOrderInput> {
  readonly name: 'razorpay';
  verifyCheckoutSignature(input: CheckoutSignatureInput): boolean;
}

export interface CashfreeGateway extends Gateway<CashfreeCredentials, CashfreeOrderInput> {
  readonly name: 'cashfree';
}
