import { rupees } from './decimal-json';
import type { CfOrder, CfPayment, CfRefund, SandboxMethod } from './state';

const IST_OFFSET_MS = 5.5 * 60 * 60 * 1000;

/** Cashfree timestamps are ISO 8601 in India time: `2025-01-15T12:20:29+05:30`. */
export function istIso(ms: number): string {
  return `${new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 19)}+05:30`;
}

export function cfOrderView(order: CfOrder) {
  return {
    cart_details: null,
    cf_order_id: order.cf_order_id,
    created_at: istIso(order.created_at),
    customer_details: { ...order.customer, customer_uid: null },
    entity: 'order',
    order_amount: rupees(order.amount),
    order_currency: order.currency,
    order_expiry_time: order.expiry_time,
    order_id: order.order_id,
    order_meta: { return_url: order.return_url, notify_url: order.notify_url, payment_methods: null },
    order_note: order.note,
    order_splits: [],
    order_status: order.status,
    order_tags: order.tags,
    payment_session_id: order.payment_session_id,
    terminal_data: null,
  };
}

const GROUP: Record<SandboxMethod, string> = {
  card: 'credit_card',
  credit_card: 'credit_card',
  debit_card: 'debit_card',
  netbanking: 'net_banking',
  wallet: 'wallet',
  upi: 'upi',
};

export function cfPaymentGroup(method: SandboxMethod): string {
  return GROUP[method];
}

export function cfPaymentMethod(method: SandboxMethod): Record<string, unknown> {
  switch (method) {
    case 'upi':
      return { upi: { channel: 'collect', upi_id: 'testsuccess@gocash' } };
    case 'netbanking':
      return { netbanking: { channel: null, netbanking_bank_code: '3021', netbanking_bank_name: 'HDFC Bank' } };
    case 'wallet':
      return { app: { channel: 'link', provider: 'paytm', phone: '9999999999' } };
    default:
      return {
        card: {
          channel: null,
          card_number: 'XXXXXXXXXXXX1111',
          card_network: 'visa',
          card_type: GROUP[method],
          card_country: 'IN',
          card_bank_name: 'HDFC Bank',
        },
      };
  }
}

const MESSAGE: Record<CfPayment['status'], string> = {
  SUCCESS: 'Simulated payment success',
  FAILED: 'Transaction declined by the bank',
  USER_DROPPED: 'User dropped and did not complete the two factor authentication',
};

export function cfPaymentMessage(payment: CfPayment): string {
  return MESSAGE[payment.status];
}

export function cfErrorDetails(payment: CfPayment) {
  if (payment.status !== 'FAILED') return null;
  return {
    error_code: 'TRANSACTION_DECLINED',
    error_description: 'issuer bank or payment service provider declined the transaction',
    error_reason: 'auth_declined',
    error_source: 'customer',
    error_code_raw: null,
    error_description_raw: null,
  };
}

export function cfPaymentView(payment: CfPayment, order: CfOrder) {
  return {
    auth_id: null,
    authorization: null,
    bank_reference: payment.bank_reference,
    cf_payment_id: payment.cf_payment_id,
    entity: 'payment',
    error_details: cfErrorDetails(payment),
    is_captured: payment.status === 'SUCCESS',
    order_amount: rupees(order.amount),
    order_currency: order.currency,
    order_id: payment.order_id,
    payment_amount: rupees(payment.amount),
    payment_completion_time: istIso(payment.time),
    payment_currency: payment.currency,
    payment_gateway_details: null,
    payment_group: cfPaymentGroup(payment.method),
    payment_message: cfPaymentMessage(payment),
    payment_method: cfPaymentMethod(payment.method),
    payment_offers: null,
    payment_status: payment.status,
    payment_surcharge: null,
    payment_time: istIso(payment.time),
  };
}

export function cfRefundView(refund: CfRefund) {
  return {
    cf_payment_id: refund.cf_payment_id,
    cf_refund_id: refund.cf_refund_id,
    created_at: istIso(refund.created_at),
    entity: 'refund',
    order_id: refund.order_id,
    processed_at: refund.status === 'SUCCESS' ? istIso(refund.created_at) : null,
    refund_amount: rupees(refund.amount),
    refund_arn: refund.status === 'SUCCESS' ? `ARN${refund.cf_refund_id}` : null,
    refund_charge: rupees(0),
    refund_currency: refund.currency,
    refund_id: refund.refund_id,
    refund_note: null,
    refund_speed: { requested: 'STANDARD', accepted: 'STANDARD', processed: 'STANDARD', message: null },
    refund_splits: [],
    refund_status: refund.status,
    refund_type: 'MERCHANT_INITIATED',
    status_description: refund.status === 'SUCCESS' ? 'Refund processed successfully' : 'In Progress',
  };
}
