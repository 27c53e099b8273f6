import { cashfreeWebhookSignature } from '@/lib/gateways/signatures';
import {
  cfErrorDetails,
  cfPaymentGroup,
  cfPaymentMessage,
  cfPaymentMethod,
  cfRefundView,
  istIso,
} from './cashfree-entities';
import { decimalJson, rupees } from './decimal-json';
import type { OutgoingEvent } from './delivery';
import { uuid } from './ids';
import type { Account, CfOrder, CfPayment, CfRefund } from './state';

export const CASHFREE_WEBHOOK_VERSION = '2025-01-01';

const PAYMENT_EVENT: Record<CfPayment['status'], string> = {
  SUCCESS: 'PAYMENT_SUCCESS_WEBHOOK',
  FAILED: 'PAYMENT_FAILED_WEBHOOK',
  USER_DROPPED: 'PAYMENT_USER_DROPPED_WEBHOOK',
};

export interface CashfreeEventDraft {
  type: string;
  data: unknown;
}

export function paymentEventDraft(order: CfOrder, payment: CfPayment): CashfreeEventDraft {
  return {
    type: PAYMENT_EVENT[payment.status],
    data: {
      order: { order_id: order.order_id, order_amount: rupees(order.amount), order_currency: order.currency, order_tags: order.tags },
      payment: {
        cf_payment_id: payment.cf_payment_id,
        payment_status: payment.status,
        payment_amount: rupees(payment.amount),
        payment_currency: payment.currency,
        payment_message: cfPaymentMessage(payment),
        payment_time: istIso(payment.time),
        bank_reference: payment.bank_reference,
        auth_id: null,
        payment_method: cfPaymentMethod(payment.method),
        payment_group: cfPaymentGroup(payment.method),
      },
      customer_details: {
        customer_name: order.customer.customer_name,
        customer_id: order.customer.customer_id,
        customer_email: order.customer.customer_email,
        customer_phone: order.customer.customer_phone,
      },
      error_details: cfErrorDetails(payment),
      payment_gateway_details: {
        gateway_name: 'CASHFREE',
        gateway_order_id: order.cf_order_id,
        gateway_payment_id: payment.cf_payment_id,
        gateway_status_code: null,
      },
      payment_offers: null,
    },
  };
}

export function refundEventDraft(refund: CfRefund): CashfreeEventDraft {
  return { type: 'REFUND_STATUS_WEBHOOK', data: { refund: cfRefundView(refund) } };
}

/**
 * Cashfree sends an order's webhooks to its `order_meta.notify_url`, signed with the client
 * secret over `timestamp + body`. The body text keeps amounts as `170.00`.
 */
export function cashfreeOutgoing(account: Account, order: CfOrder, drafts: CashfreeEventDraft[]): OutgoingEvent[] {
  const url = order.notify_url;
  if (!url) return [];
  return drafts.map((draft) => {
    const body = decimalJson({ data: draft.data, event_time: istIso(Date.now()), type: draft.type });
    const timestamp = String(Date.now());
    const eventId = uuid();
    return {
      gateway: 'cashfree' as const,
      eventId,
      eventType: draft.type,
      orderId: order.order_id,
      url,
      body,
      headers: {
        'content-type': 'application/json',
        'x-webhook-signature': cashfreeWebhookSignature(timestamp, body, account.secret),
        'x-webhook-timestamp': timestamp,
        'x-idempotency-key': eventId,
        'x-webhook-version': CASHFREE_WEBHOOK_VERSION,
      },
    };
  });
}
