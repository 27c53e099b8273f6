import { describe, expect, it } from 'vitest';
import { checkoutPhase, returnUrl } from './phase';

describe('checkoutPhase', () => {
  it('offers a payment only to a browser that has not started one, and waits otherwise', () => {
    expect(checkoutPhase({ status: 'created', attempts: 0 }, null)).toBe('ready');
    expect(checkoutPhase({ status: 'created', attempts: 0 }, { attempts: 0 })).toBe('waiting');
    expect(checkoutPhase({ status: 'processing', attempts: 1 }, null)).toBe('waiting');
    expect(checkoutPhase({ status: 'failed', attempts: 1 }, null)).toBe('retry');
    for (const status of ['paid', 'partially_refunded', 'refunded'] as const) expect(checkoutPhase({ status, attempts: 1 }, { attempts: 0 })).toBe('paid');
  });

  it('after a failed attempt and a retry, waits until the new attempt is reported', () => {
    expect(checkoutPhase({ status: 'failed', attempts: 1 }, { attempts: 1 })).toBe('waiting');
    expect(checkoutPhase({ status: 'failed', attempts: 2 }, { attempts: 1 })).toBe('failed');
    expect(checkoutPhase({ status: 'failed', attempts: 1 }, { attempts: 0 })).toBe('failed');
  });
});

describe('returnUrl', () => {
  it('keeps the merchant’s own query and adds ours', () => {
    expect(returnUrl('https://shop.example.com/done?cart=81', { orderId: 'ord_AAAAAAAAAAAAAAAA', status: 'PAID' })).toBe(
      'https://shop.example.com/done?cart=81&order_id=ord_AAAAAAAAAAAAAAAA&status=PAID',
    );
  });
});
