import { z } from 'zod';
import { getHeader } from './headers';
import { razorpayWebhookSignature } from './signatures';
import type { GatewayEvent, GatewayEventType, HeadersLike, PaymentMethod, PaymentStatus, VerifyWebhookInput, WebhookVerification } from './types';
import { malformedEvent, parseJson, verifyWithSecrets } from './webhook-common';

export function verifyRazorpayWebhook({ rawBody, headers, secrets }: VerifyWebhookInput): WebhookVerification {
  if (secrets.length === 0) return { valid: false, reason: 'no_secrets' };
  const signature = getHeader(headers, 'x-razorpay-signature');
  if (!signature) return { valid: false, reason: 'missing_signature' };
  if (!/^[0-9a-f]{64}$/.test(signature)) return { valid: false, reason: 'malformed_signature' };
  return verifyWithSecrets(secrets, signature, (secret) => razorpayWebhookSignature(rawBody, secret));
}

const text = z.string().nullish();

export const razorpayPaymentSchema = z.looseObject({
  id: z.string(),
  amount: z.number(),
  currency: z.string(),
  status: z.string(),
  order_id: text,
  method: text,
  card: z.looseObject({ type: text }).nullish(),
  error_code: text,
  error_description: text,
  error_reason: text,
  error_source: text,
});

const envelopeSchema = z.looseObject({
  event: z.string(),
  created_at: z.number(),
  payload: z.looseObject({
    payment: z.looseObject({ entity: razorpayPaymentSchema }).optional(),
    order: z.looseObject({ entity: z.looseObject({ id: z.string(), amount: z.number(), currency: z.string() }) }).optional(),
    refund: z.looseObject({ entity: z.looseObject({ id: z.string(), amount: z.number(), status: z.string() }) }).optional(),
  }),
});

/** The Razorpay events we understand; the sandbox emits the same list. */
export const RAZORPAY_EVENTS = [
  'payment.authorized',
  'payment.captured',
  'payment.failed',
  'order.paid',
  'refund.created',
  'refund.processed',
  'refund.failed',
] as const satisfies readonly GatewayEventType[];

export const RAZORPAY_PAYMENT_STATUSES: readonly PaymentStatus[] = ['created', 'authorized', 'captured', 'refunded', 'failed'];

export function razorpayMethod(payment: z.infer<typeof razorpayPaymentSchema>): PaymentMethod | null {
  if (!payment.method) return null;
  if (payment.method === 'card') {
    if (payment.card?.type === 'credit') return 'credit_card';
    if (payment.card?.type === 'debit') return 'debit_card';
    return 'card';
  }
  return (['upi', 'netbanking', 'wallet', 'emi'] as const).find((m) => m === payment.method) ?? 'other';
}

function refundStatus(status: string): 'pending' | 'processed' | 'failed' {
  if (status === 'processed' || status === 'failed') return status;
  return 'pending';
}

export function parseRazorpayWebhook(rawBody: string, headers: HeadersLike): GatewayEvent {
  const parsed = envelopeSchema.safeParse(parseJson('razorpay', rawBody));
  if (!parsed.success) throw malformedEvent('razorpay', 'body is not a Razorpay event envelope');
  const { event, created_at, payload } = parsed.data;
  const payment = payload.payment?.entity;
  const order = payload.order?.entity;
  const refund = payload.refund?.entity;
  const hasError = Boolean(payment?.error_code || payment?.error_description);
  const fallbackId = `${event}:${refund?.id ?? payment?.id ?? order?.id ?? 'none'}:${created_at}`;
  return {
    gateway: 'razorpay',
    eventId: getHeader(headers, 'x-razorpay-event-id') ?? fallbackId,
    type: RAZORPAY_EVENTS.find((t) => t === event) ?? 'unknown',
    gatewayType: event,
    orderId: payment?.order_id ?? order?.id ?? null,
    paymentId: payment?.id ?? null,
    paymentStatus: RAZORPAY_PAYMENT_STATUSES.find((s) => s === payment?.status) ?? null,
    method: payment ? razorpayMethod(payment) : null,
    amount: payment?.amount ?? order?.amount ?? null,
    currency: payment?.currency ?? order?.currency ?? null,
    error:
      payment && hasError
        ? {
            code: payment.error_code ?? null,
            description: payment.error_description ?? null,
            reason: payment.error_reason ?? null,
            source: payment.error_source ?? null,
          }
        : null,
    refund: refund ? { id: refund.id, amount: refund.amount, status: refundStatus(refund.status) } : null,
    occurredAt: new Date(created_at * 1000),
    raw: parsed.data,
  };
}
