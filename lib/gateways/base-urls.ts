import { env } from '@/lib/env';
import type { CashfreeEnvironment } from './types';

export type GatewayMode = 'sandbox' | 'live';

export const LIVE_BASE_URLS = {
  razorpay: 'https://api.razorpay.com',
  cashfree: { sandbox: 'https://sandbox.cashfree.com/pg', production: 'https://api.cashfree.com/pg' },
} as const;

/** `sandbox` unless GATEWAYS=live (production must say which: lib/deployment.ts); the UI shows a Sandbox badge. */
export function gatewayMode(): GatewayMode {
  return env.GATEWAYS ?? 'sandbox';
}

export function isSandbox(): boolean {
  return gatewayMode() === 'sandbox';
}

function sandboxUrl(path: string): string {
  return `${env.SANDBOX_URL.replace(/\/+$/, '')}${path}`;
}

/** Host only: the razorpay SDK adds `/v1/...` itself. */
export function razorpayBaseUrl(): string {
  return isSandbox() ? sandboxUrl('/razorpay') : LIVE_BASE_URLS.razorpay;
}

/** Both Cashfree environments go to the local sandbox in sandbox mode. */
export function cashfreeBaseUrl(environment: CashfreeEnvironment): string {
  return isSandbox() ? sandboxUrl('/cashfree/pg') : LIVE_BASE_URLS.cashfree[environment];
}
