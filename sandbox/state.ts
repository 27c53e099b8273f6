export type GatewayName = 'razorpay' | 'cashfree';

export interface Account {
  gateway: GatewayName;
  /** Razorpay key id or Cashfree client id. */
  id: string;
  secret: string;
  /** Razorpay `acc_…` (webhook envelopes) or Cashfree merchant id. */
  accountId: string;
  builtIn: boolean;
  createdAt: number;
}

export interface WebhookConfig {
  keyId: string;
  url: string;
  secret: string;
  events: string[];
}

export interface RzpOrder {
  keyId: string;
  id: string;
  amount: number;
  amount_paid: number;
  currency: string;
  receipt: string | null;
  status: 'created' | 'attempted' | 'paid';
  attempts: number;
  notes: Record<string, string>;
  created_at: number;
}

export type SandboxMethod = 'card' | 'credit_card' | 'debit_card' | 'netbanking' | 'wallet' | 'upi';

export interface RzpPayment {
  keyId: string;
  id: string;
  order_id: string;
  amount: number;
  currency: string;
  status: 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';
  method: SandboxMethod;
  amount_refunded: number;
  captured: boolean;
  created_at: number;
}

export interface RzpRefund {
  keyId: string;
  id: string;
  payment_id: string;
  amount: number;
  currency: string;
  status: 'pending' | 'processed' | 'failed';
  created_at: number;
}

export interface CfOrder {
  clientId: string;
  cf_order_id: string;
  order_id: string;
  amount: number;
  currency: string;
  status: 'ACTIVE' | 'PAID' | 'EXPIRED' | 'TERMINATED';
  payment_session_id: string;
  created_at: number;
  expiry_time: string;
  customer: { customer_id: string; customer_phone: string; customer_email: string | null; customer_name: string | null };
  notify_url: string | null;
  return_url: string | null;
  tags: Record<string, string> | null;
  note: string | null;
}

export interface CfPayment {
  clientId: string;
  cf_payment_id: string;
  order_id: string;
  amount: number;
  currency: string;
  status: 'SUCCESS' | 'FAILED' | 'USER_DROPPED';
  method: SandboxMethod;
  bank_reference: string;
  amount_refunded: number;
  time: number;
}

export interface CfRefund {
  clientId: string;
  cf_refund_id: string;
  refund_id: string;
  cf_payment_id: string;
  order_id: string;
  amount: number;
  currency: string;
  status: 'SUCCESS' | 'PENDING';
  created_at: number;
}

export interface IdempotencyRecord {
  requestHash: string;
  status: number;
  body: string;
  createdAt: number;
}

/** Everything the sandbox remembers. Each map is persisted as its entries. */
export class SandboxState {
  accounts = new Map<string, Account>();
  webhooks = new Map<string, WebhookConfig>();
  rzpOrders = new Map<string, RzpOrder>();
  rzpPayments = new Map<string, RzpPayment>();
  rzpRefunds = new Map<string, RzpRefund>();
  /** Keyed `${clientId}/${order_id}`: Cashfree order ids are unique per account only. */
  cfOrders = new Map<string, CfOrder>();
  cfPayments = new Map<string, CfPayment>();
  cfRefunds = new Map<string, CfRefund>();
  /** Keyed `${clientId}/${idempotency key}`. */
  idempotency = new Map<string, IdempotencyRecord>();
  /** The hosted test checkout's attempt tokens, each paid once: a double submit or a reload pays nothing more. */
  checkoutAttempts = new Map<string, { at: number }>();

  constructor(private readonly builtIns: readonly Account[]) {
    this.reset();
  }

  /** Clears everything but the built-in accounts. */
  reset(): void {
    for (const map of this.maps()) map.clear();
    for (const account of this.builtIns) this.accounts.set(account.id, { ...account });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(Object.entries(this.named()).map(([name, map]) => [name, [...map.entries()]]));
  }

  load(data: Record<string, unknown>): void {
    for (const [name, map] of Object.entries(this.named())) {
      const entries = data[name];
      if (!Array.isArray(entries)) continue;
      map.clear();
      for (const [key, value] of entries as [string, never][]) map.set(key, value);
    }
    for (const account of this.builtIns) this.accounts.set(account.id, { ...account });
  }

  private named(): Record<string, Map<string, unknown>> {
    const { accounts, webhooks, rzpOrders, rzpPayments, rzpRefunds, cfOrders, cfPayments, cfRefunds, idempotency, checkoutAttempts } = this;
    return { accounts, webhooks, rzpOrders, rzpPayments, rzpRefunds, cfOrders, cfPayments, cfRefunds, idempotency, checkoutAttempts };
  }

  private maps(): Map<string, unknown>[] {
    return Object.values(this.named());
  }
}
