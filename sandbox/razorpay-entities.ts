import type { RzpOrder, RzpPayment, RzpRefund } from './state';

export function rzpOrderView(order: RzpOrder) {
  return {
    id: order.id,
    entity: 'order',
    amount: order.amount,
    amount_paid: order.amount_paid,
    amount_due: order.amount - order.amount_paid,
    currency: order.currency,
    receipt: order.receipt,
    offer_id: null,
    status: order.status,
    attempts: order.attempts,
    // Razorpay's PHP backend serialises an empty map as a JSON array.
    notes: Object.keys(order.notes).length > 0 ? order.notes : [],
    created_at: order.created_at,
  };
}

function methodDetails(payment: RzpPayment) {
  const isCard = payment.method === 'card' || payment.method === 'credit_card' || payment.method === 'debit_card';
  const cardId = `card_${payment.id.slice(4)}`;
  return {
    method: isCard ? 'card' : payment.method,
    card_id: isCard ? cardId : null,
    ...(isCard
      ? {
          card: {
            id: cardId,
            entity: 'card',
            name: 'Sandbox Customer',
            last4: '1111',
            network: 'Visa',
            type: payment.method === 'debit_card' ? 'debit' : 'credit',
            issuer: 'HDFC',
            international: false,
            emi: false,
          },
        }
      : {}),
    bank: payment.method === 'netbanking' ? 'HDFC' : null,
    wallet: payment.method === 'wallet' ? 'paytm' : null,
    vpa: payment.method === 'upi' ? 'success@razorpay' : null,
  };
}

function errorFields(payment: RzpPayment) {
  const failed = payment.status === 'failed';
  return {
    error_code: failed ? 'BAD_REQUEST_ERROR' : null,
    error_description: failed ? 'Payment was declined by the bank. Try another payment method.' : null,
    error_source: failed ? 'bank' : null,
    error_step: failed ? 'payment_authorization' : null,
    error_reason: failed ? 'payment_declined' : null,
  };
}

export function rzpPaymentView(payment: RzpPayment) {
  const refunded = payment.amount_refunded;
  const fee = payment.captured ? Math.round(payment.amount * 0.0236) : null;
  return {
    id: payment.id,
    entity: 'payment',
    amount: payment.amount,
    currency: payment.currency,
    status: payment.status,
    order_id: payment.order_id,
    invoice_id: null,
    international: false,
    amount_refunded: refunded,
    refund_status: refunded === 0 ? null : refunded >= payment.amount ? 'full' : 'partial',
    captured: payment.captured,
    description: null,
    ...methodDetails(payment),
    email: 'customer@example.com',
    contact: '+919000090000',
    notes: [],
    fee,
    tax: fee === null ? null : Math.round(payment.amount * 0.0036),
    ...errorFields(payment),
    acquirer_data: {},
    created_at: payment.created_at,
  };
}

export function rzpRefundView(refund: RzpRefund) {
  return {
    id: refund.id,
    entity: 'refund',
    amount: refund.amount,
    currency: refund.currency,
    payment_id: refund.payment_id,
    notes: [],
    receipt: null,
    acquirer_data: { arn: null },
    created_at: refund.created_at,
    batch_id: null,
    status: refund.status,
    speed_processed: 'normal',
    speed_requested: 'normal',
  };
}

export function collection<T>(items: T[]) {
  return { entity: 'collection', count: items.length, items };
}
