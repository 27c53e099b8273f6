import { safeEqual } from '@/lib/gateways/signatures';
import { alnum, hex } from './ids';
import type { Account, GatewayName, SandboxState } from './state';

/** Fixed test credentials so a developer can paste them once and keep them across restarts. */
export const BUILT_IN_CREDENTIALS = {
  razorpay: { keyId: 'rzp_test_KsPaySandbox01', keySecret: 'sandboxSecretKsPay000001', accountId: 'acc_KsPaySandbox01' },
  cashfree: {
    clientId: 'TEST10a1b2c3d4e5f60718293a4b5c6d7e8f',
    clientSecret: 'cfsk_ma_test_0f1e2d3c4b5a69788796a5b4c3d2e1f0_5a6b7c8d',
    merchantId: 'CF_MERCHANT_SANDBOX_01',
  },
} as const;

export const BUILT_IN_ACCOUNTS: readonly Account[] = [
  {
    gateway: 'razorpay',
    id: BUILT_IN_CREDENTIALS.razorpay.keyId,
    secret: BUILT_IN_CREDENTIALS.razorpay.keySecret,
    accountId: BUILT_IN_CREDENTIALS.razorpay.accountId,
    builtIn: true,
    createdAt: 0,
  },
  {
    gateway: 'cashfree',
    id: BUILT_IN_CREDENTIALS.cashfree.clientId,
    secret: BUILT_IN_CREDENTIALS.cashfree.clientSecret,
    accountId: BUILT_IN_CREDENTIALS.cashfree.merchantId,
    builtIn: true,
    createdAt: 0,
  },
];

export function createAccount(state: SandboxState, gateway: GatewayName): Account {
  const account: Account =
    gateway === 'razorpay'
      ? { gateway, id: `rzp_test_${alnum(14)}`, secret: alnum(24), accountId: `acc_${alnum(14)}`, builtIn: false, createdAt: Date.now() }
      : {
          gateway,
          id: `TEST${hex(32)}`,
          secret: `cfsk_ma_test_${hex(32)}_${hex(8)}`,
          accountId: `CF_MERCHANT_${alnum(10).toUpperCase()}`,
          builtIn: false,
          createdAt: Date.now(),
        };
  state.accounts.set(account.id, account);
  return account;
}

/** Looks up an account by id and checks the secret in constant time; null when either is wrong. */
export function authenticate(state: SandboxState, gateway: GatewayName, id: string, secret: string): Account | null {
  const account = state.accounts.get(id);
  if (!account || account.gateway !== gateway) return null;
  return safeEqual(account.secret, secret) ? account : null;
}

/** Parses `Authorization: Basic base64(key_id:key_secret)`. */
export function basicCredentials(authorization: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic\s+(.+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

export function accountView(account: Account) {
  return account.gateway === 'razorpay'
    ? { gateway: 'razorpay', key_id: account.id, key_secret: account.secret, account_id: account.accountId, built_in: account.builtIn }
    : { gateway: 'cashfree', client_id: account.id, client_secret: account.secret, built_in: account.builtIn };
}
