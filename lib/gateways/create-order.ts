import type { GatewayCredentials } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto';
import { getGateway } from './index';
import type { CashfreeOrderInput, GatewayOptions, GatewayOrder, GatewayPayment } from './types';

export type StoredCredentials = Pick<GatewayCredentials, 'gateway' | 'keyId' | 'secret' | 'environment'>;

/**
 * An order at the gateway with a merchant's stored credentials (the secret is opened here and
 * nowhere else). Razorpay ignores `customer` and `notifyUrl`; Cashfree needs them.
 */
export function createOrder(stored: StoredCredentials, input: CashfreeOrderInput, options?: GatewayOptions): Promise<GatewayOrder> {
  const secret = decryptSecret(stored.secret);
  if (stored.gateway === 'razorpay') {
    return getGateway('razorpay', options).createOrder({ keyId: stored.keyId, keySecret: secret }, input);
  }
  const environment = stored.environment === 'production' ? 'production' : 'sandbox';
  return getGateway('cashfree', options).createOrder({ clientId: stored.keyId, clientSecret: secret, environment }, input);
}

/** An order's payments at the gateway, with the stored credentials it was made with. */
export function listOrderPayments(stored: StoredCredentials, gatewayOrderId: string, options?: GatewayOptions): Promise<GatewayPayment[]> {
  const secret = decryptSecret(stored.secret);
  if (stored.gateway === 'razorpay') {
    return getGateway('razorpay', options).listOrderPayments({ keyId: stored.keyId, keySecret: secret }, gatewayOrderId);
  }
  const environment = stored.environment === 'production' ? 'production' : 'sandbox';
  return getGateway('cashfree', options).listOrderPayments({ clientId: stored.keyId, clientSecret: secret, environment }, gatewayOrderId);
}
