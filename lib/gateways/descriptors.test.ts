import { describe, expect, it } from 'vitest';
import { GATEWAYS, isSameKey, modeOf } from './descriptors';

describe('gateway descriptors', () => {
  it('reads the mode from the key id (Razorpay) or the environment (Cashfree)', () => {
    expect(modeOf({ gateway: 'razorpay', keyId: 'rzp_live_abc12345' })).toBe('live');
    expect(modeOf({ gateway: 'razorpay', keyId: 'rzp_test_abc12345' })).toBe('test');
    expect(modeOf({ gateway: 'razorpay', keyId: 'key_123' })).toBeNull();
    expect(modeOf({ gateway: 'cashfree', keyId: 'TEST1', environment: 'production' })).toBe('live');
    expect(modeOf({ gateway: 'cashfree', keyId: 'TEST1', environment: 'sandbox' })).toBe('test');
  });

  it('keeps a saved secret only for the same gateway, key id and environment', () => {
    const saved = { gateway: 'cashfree' as const, keyId: 'CF1', environment: 'sandbox' };
    expect(isSameKey(saved, { gateway: 'cashfree', keyId: ' CF1 ', environment: 'sandbox' })).toBe(true);
    expect(isSameKey(saved, { gateway: 'cashfree', keyId: 'CF1', environment: 'production' })).toBe(false);
    expect(isSameKey(saved, { gateway: 'razorpay', keyId: 'CF1' })).toBe(false);
    // Razorpay has no environment: whatever the form holds for it does not matter.
    expect(isSameKey({ gateway: 'razorpay', keyId: 'rzp_test_1', environment: null }, { gateway: 'razorpay', keyId: 'rzp_test_1', environment: 'sandbox' })).toBe(true);
  });

  it('says which gateway needs the webhook pasted in, and names its fields', () => {
    expect(GATEWAYS.razorpay).toMatchObject({ webhookSetup: true, keyIdLabel: 'Key ID', secretLabel: 'Key Secret' });
    expect(GATEWAYS.cashfree).toMatchObject({ webhookSetup: false, keyIdLabel: 'Client ID', secretLabel: 'Client Secret' });
  });
});
