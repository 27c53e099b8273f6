import { z } from 'zod';
import { getHeader } from './headers';
import { rupeesToPaise } from './money';
import { cashfreeWebhookSignature } from './signatures';
import type { GatewayEvent, GatewayEventType, HeadersLike, PaymentMethod, PaymentStatus, VerifyWebhookInput, WebhookVerification } from './types';
import { malformedEvent, parseJson, verifyWithSecrets } from './webhook-common';

export function verifyCashfreeWebhook({ rawBody, headers, secrets }: VerifyWebhookInput): WebhookVerification {
  if (secrets.length === 0) return { valid: false, reason: 'no_secrets' };
  const signature = getHeader(headers, 'x-webhook-signature');
  if (!signature) return { valid: false, reason: 'missing_signature' };
  const timestamp = getHeader(headers, 'x-webhook-timestamp');
  if (!timestamp) return { valid: false, reason: 'missing_timestamp' };
  // base64 of a 32-byte HMAC: 43 characters and one `=`.
  if (!/^[A-Za-z0-9+/]{43}=$/.test(signature)) return { valid: false, reason: 'malformed_signature' };
  return verifyWithSecrets(secrets, signature, (secret) => cashfreeWebhookSignature(timestamp, rawBody, secret));
}

const text = z.string().nullish();
const id = z.union([z.string(), z.number()]).transform(String);

const eventSchema = z.looseObject({
  type: z.string(),
  event_time: z.string(),
  data: z.looseObject({
    order: z.looseObject({ order_id: z.string() }).nullish(),
    payment: z
      .looseObject({
        cf_payment_id: id,
        payment_status: z.string(),
        payment_amount: z.number(),
        payment_currency: z.string(),
        payment_group: text,
      })
      .nullish(),
    refund: z
      .looseObject({
        cf_refund_id: id,
        cf_payment_id: id,
        order_id: z.string(),
        refund_amount: z.number(),
        refund_currency: z.string(),
        refund_status: z.string(),
      })
      .nullish(),
    error_details: z
      .looseObject({ error_code: text, error_description: text, error_reason: text, error_source: text })
      .nullish(),
  }),
});

export const CASHFREE_PAYMENT_STATUS: Record<string, PaymentStatus> = {
  SUCCESS: 'captured',
  FAILED: 'failed',
  USER_DROPPED: 'dropped',
  PENDING: 'pending',
  NOT_ATTEMPTED: 'created',
  CANCELLED: 'failed',
  VOID: 'failed',
};

const PAYMENT_EVENT: Record<string, GatewayEventType> = {
  PAYMENT_SUCCESS_WEBHOOK: 'payment.captured',
  PAYMENT_FAILED_WEBHOOK: 'payment.failed',
  PAYMENT_USER_DROPPED_WEBHOOK: 'payment.dropped',
};

export const CASHFREE_METHOD: Record<string, PaymentMethod> = {
  upi: 'upi',
  credit_card: 'credit_card',
  debit_card: 'debit_card',
  prepaid_card: 'card',
  net_banking: 'netbanking',
  wallet: 'wallet',
  cardless_emi: 'emi',
  credit_card_emi: 'emi',
  debit_card_emi: 'emi',
};

function refundStatus(status: string): 'pending' | 'processed' | 'failed' {
  if (status === 'SUCCESS') return 'processed';
  if (status === 'CANCELLED' || status === 'FAILED') return 'failed';
  return 'pending';
}

const REFUND_EVENT = { pending: 'refund.created', processed: 'refund.processed', failed: 'refund.failed' } as const;

export function parseCashfreeWebhook(rawBody: string, headers: HeadersLike): GatewayEvent {
  const parsed = eventSchema.safeParse(parseJson('cashfree', rawBody));
  if (!parsed.success) throw malformedEvent('cashfree', 'body is not a Cashfree webhook');
  const { type, event_time, data } = parsed.data;
  const { payment, refund, error_details: err } = data;
  const occurredAt = new Date(event_time);
  if (Number.isNaN(occurredAt.getTime())) throw malformedEvent('cashfree', 'event_time is not a date');
  const refundState = refund ? refundStatus(refund.refund_status) : null;
  const fallbackId = refund
    ? `${refund.cf_refund_id}:${refund.refund_status}`
    : `${payment?.cf_payment_id ?? data.order?.order_id ?? 'none'}:${payment?.payment_status ?? type}`;
  return {
    gateway: 'cashfree',
    eventId: getHeader(headers, 'x-idempotency-key') ?? fallbackId,
    type: refundState && type === 'REFUND_STATUS_WEBHOOK' ? REFUND_EVENT[refundState] : (PAYMENT_EVENT[type] ?? 'unknown'),
    gatewayType: type,
    orderId: data.order?.order_id ?? refund?.order_id ?? null,
    paymentId: payment?.cf_payment_id ?? refund?.cf_payment_id ?? null,
    paymentStatus: payment ? (CASHFREE_PAYMENT_STATUS[payment.payment_status] ?? null) : null,
    method: payment?.payment_group ? (CASHFREE_METHOD[payment.payment_group] ?? 'other') : null,
    amount: payment ? rupeesToPaise(payment.payment_amount) : null,
    currency: payment?.payment_currency ?? refund?.refund_currency ?? null,
    error:
      err && (err.error_code || err.error_description)
        ? {
            code: err.error_code ?? null,
            description: err.error_description ?? null,
            reason: err.error_reason ?? null,
            source: err.error_source ?? null,
          }
        : null,
    refund:
      refund && refundState
        ? { id: refund.cf_refund_id, amount: rupeesToPaise(refund.refund_amount), status: refundState }
        : null,
    occurredAt,
    raw: parsed.data,
  };
}
