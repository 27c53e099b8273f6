import { createCashfreeGateway } from './cashfree';
import { createRazorpayGateway } from './razorpay';
import type { CashfreeGateway, GatewayName, GatewayOptions, RazorpayGateway } from './types';

export { createCashfreeGateway } from './cashfree';
export { createRazorpayGateway } from './razorpay';
export { gatewayMode, isSandbox, type GatewayMode } from './base-urls';
export { GatewayError, isGatewayError, type GatewayErrorKind } from './errors';
export type * from './types';

export function getGateway(name: 'razorpay', options?: GatewayOptions): RazorpayGateway;
export function getGateway(name: 'cashfree', options?: GatewayOptions): CashfreeGateway;
export function getGateway(name: GatewayName, options?: GatewayOptions): RazorpayGateway | CashfreeGateway;
export function getGateway(name: GatewayName, options?: GatewayOptions): RazorpayGateway | CashfreeGateway {
  return name === 'razorpay' ? createRazorpayGateway(options) : createCashfreeGateway(options);
}
