import { validatePaymentVerification } from 'razorpay/dist/utils/razorpay-utils';
import { describe, expect, it } from 'vitest';
import { getGateway } from './index';
import { cashfreeWebhookSignature, razorpayCheckoutSignature, razorpayWebhookSignature, safeEqual } from './signatures';

describe('safeEqual', () => {
  it('compares in constant time and returns false (not throws) on different lengths', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});

describe('Razorpay checkout signature', () => {
  const keySecret = 'sandboxSecretKsPay000001';
  const orderId = 'order_AbCdEfGhIjKlMn';
  const paymentId = 'pay_ZyXwVuTsRqPoNm';
  const signature = razorpayCheckoutSignature(orderId, paymentId, keySecret);

  it('matches the razorpay package and is accepted by the adapter', () => {
    expect(validatePaymentVerification({ order_id: orderId, payment_id: paymentId }, signature, keySecret)).toBe(true);
    expect(getGateway('razorpay').verifyCheckoutSignature({ orderId, paymentId, signature, keySecret })).toBe(true);
  });

  it('rejects another order id, a tampered or truncated signature and the wrong secret', () => {
    const verify = getGateway('razorpay').verifyCheckoutSignature;
    expect(verify({ orderId: 'order_Other000000000', paymentId, signature, keySecret })).toBe(false);
    expect(verify({ orderId, paymentId, signature: signature.replace(/.$/, (c) => (c === '0' ? '1' : '0')), keySecret })).toBe(false);
    expect(verify({ orderId, paymentId, signature: signature.slice(0, -2), keySecret })).toBe(false);
    expect(verify({ orderId, paymentId, signature, keySecret: 'x'.repeat(24) })).toBe(false);
  });
});

describe('webhook verification', () => {
  const body = '{"event":"payment.captured","amount":170.00}';

  it('accepts any of several secrets during a rotation and says which one matched', () => {
    const headers = { 'X-Razorpay-Signature': razorpayWebhookSignature(body, 'old') };
    expect(getGateway('razorpay').verifyWebhook({ rawBody: body, headers, secrets: ['new', 'old'] })).toEqual({ valid: true, secretIndex: 1 });
  });

  it('reads Fetch Headers as well as plain records', () => {
    const headers = new Headers({ 'x-webhook-signature': cashfreeWebhookSignature('1700000000000', body, 's'), 'x-webhook-timestamp': '1700000000000' });
    expect(getGateway('cashfree').verifyWebhook({ rawBody: body, headers, secrets: ['s'] }).valid).toBe(true);
  });

  it('names what is missing or wrong', () => {
    const rzp = getGateway('razorpay');
    const cf = getGateway('cashfree');
    expect(rzp.verifyWebhook({ rawBody: body, headers: {}, secrets: [] })).toEqual({ valid: false, reason: 'no_secrets' });
    expect(rzp.verifyWebhook({ rawBody: body, headers: {}, secrets: ['s'] })).toEqual({ valid: false, reason: 'missing_signature' });
    expect(cf.verifyWebhook({ rawBody: body, headers: { 'x-webhook-signature': 'abc' }, secrets: ['s'] })).toEqual({ valid: false, reason: 'missing_timestamp' });
    const signature = cashfreeWebhookSignature('1', body, 's');
    expect(cf.verifyWebhook({ rawBody: body, headers: { 'x-webhook-signature': signature, 'x-webhook-timestamp': '2' }, secrets: ['s'] })).toEqual({
      valid: false,
      reason: 'signature_mismatch',
    });
  });
});
