import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { env } from '@/lib/env';
import { cashfreeBaseUrl } from './base-urls';
import { cashfreeRequest, type CashfreeRequest } from './cashfree-http';
import { CASHFREE_METHOD, CASHFREE_PAYMENT_STATUS, parseCashfreeWebhook, verifyCashfreeWebhook } from './cashfree-webhook';
import { GatewayError } from './errors';
import { explainInvalidCredentials, explainUnknown } from './explanations';
import { paiseToRupees, rupeesToPaise } from './money';
import { backoffDelay, retryPolicy, sleep } from './retry';
import type { CashfreeCredentials, CashfreeGateway, CashfreeOrderInput, GatewayOptions, GatewayOrder, GatewayPayment, OrderStatus } from './types';

const orderSchema = z.looseObject({
  order_id: z.string(),
  order_amount: z.number(),
  order_currency: z.string(),
  order_status: z.string(),
  payment_session_id: z.string().nullish(),
});

const STATUS: Record<string, OrderStatus> = {
  ACTIVE: 'created',
  PAID: 'paid',
  EXPIRED: 'expired',
  TERMINATED: 'terminated',
  TERMINATION_REQUESTED: 'terminated',
};

function toOrder(raw: unknown): GatewayOrder {
  const parsed = orderSchema.safeParse(raw);
  const status = parsed.success ? STATUS[parsed.data.order_status] : undefined;
  if (!parsed.success || !status) {
    throw new GatewayError({ gateway: 'cashfree', kind: 'unknown', explanation: explainUnknown('cashfree', 200) });
  }
  const o = parsed.data;
  return {
    gateway: 'cashfree',
    gatewayOrderId: o.order_id,
    status,
    gatewayStatus: o.order_status,
    amount: rupeesToPaise(o.order_amount),
    currency: o.order_currency,
    receipt: o.order_id,
    paymentSessionId: o.payment_session_id ?? null,
    raw,
  };
}

const paymentsSchema = z.array(
  z.looseObject({
    cf_payment_id: z.union([z.string(), z.number()]).transform(String),
    payment_status: z.string(),
    payment_amount: z.number(),
    payment_currency: z.string(),
    payment_group: z.string().nullish(),
    error_details: z.looseObject({ error_code: z.string().nullish(), error_description: z.string().nullish() }).nullish(),
  }),
);

function toPayments(raw: unknown): GatewayPayment[] {
  const parsed = paymentsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new GatewayError({ gateway: 'cashfree', kind: 'unknown', explanation: explainUnknown('cashfree', 200) });
  }
  return parsed.data.map((p) => {
    const err = p.error_details;
    return {
      paymentId: p.cf_payment_id,
      status: CASHFREE_PAYMENT_STATUS[p.payment_status] ?? null,
      method: p.payment_group ? (CASHFREE_METHOD[p.payment_group] ?? 'other') : null,
      amount: rupeesToPaise(p.payment_amount),
      currency: p.payment_currency,
      // Refunds are a separate Cashfree API the sandbox does not serve.
      amountRefunded: null,
      error: err && (err.error_code || err.error_description) ? { code: err.error_code ?? null, description: err.error_description ?? null } : null,
      raw: p,
    };
  });
}

function orderBody(input: CashfreeOrderInput) {
  const { customer } = input;
  return {
    // The receipt doubles as Cashfree's order_id: webhooks then name the order we chose.
    order_id: input.receipt,
    order_amount: paiseToRupees(input.amount),
    order_currency: input.currency,
    customer_details: {
      customer_id: customer.id,
      customer_phone: customer.phone,
      ...(customer.email ? { customer_email: customer.email } : {}),
      ...(customer.name ? { customer_name: customer.name } : {}),
    },
    order_meta: { notify_url: input.notifyUrl, ...(input.returnUrl ? { return_url: input.returnUrl } : {}) },
    ...(input.notes ? { order_tags: input.notes } : {}),
  };
}

export function createCashfreeGateway(options: GatewayOptions = {}): CashfreeGateway {
  const timeoutMs = options.timeoutMs ?? env.GATEWAY_TIMEOUT_MS;
  const policy = retryPolicy(options.retry);

  async function createOrder(credentials: CashfreeCredentials, input: CashfreeOrderInput): Promise<GatewayOrder> {
    // fetch refuses header values with spaces or line breaks; say so instead of "unreachable".
    if (![credentials.clientId, credentials.clientSecret].every((v) => /^[\x21-\x7e]+$/.test(v))) {
      throw new GatewayError({
        gateway: 'cashfree',
        kind: 'invalid_credentials',
        explanation: explainInvalidCredentials('cashfree', 'The Client ID or Client Secret is empty or contains spaces or line breaks.'),
      });
    }
    const baseUrl = options.baseUrl ?? cashfreeBaseUrl(credentials.environment);
    const request: CashfreeRequest = {
      baseUrl,
      credentials,
      method: 'POST',
      path: '/orders',
      body: orderBody(input),
      idempotencyKey: input.idempotencyKey ?? randomUUID(),
      timeoutMs,
    };
    // Safe to retry: every attempt carries the same x-idempotency-key, so Cashfree replays the
    // first answer instead of creating a second order (a retry without it would get a 409).
    for (let attempt = 1; ; attempt++) {
      const result = await cashfreeRequest(request);
      if (result.ok) return toOrder(result.json);
      if (!result.error.retryable || attempt >= policy.maxAttempts) throw result.error;
      await sleep(backoffDelay(policy, attempt, result.retryAfterMs));
    }
  }

  async function listOrderPayments(credentials: CashfreeCredentials, gatewayOrderId: string): Promise<GatewayPayment[]> {
    const request: CashfreeRequest = {
      baseUrl: options.baseUrl ?? cashfreeBaseUrl(credentials.environment),
      credentials,
      method: 'GET',
      path: `/orders/${encodeURIComponent(gatewayOrderId)}/payments`,
      timeoutMs,
    };
    for (let attempt = 1; ; attempt++) {
      const result = await cashfreeRequest(request);
      if (result.ok) return toPayments(result.json);
      if (!result.error.retryable || attempt >= policy.maxAttempts) throw result.error;
      await sleep(backoffDelay(policy, attempt, result.retryAfterMs));
    }
  }

  return {
    name: 'cashfree',
    createOrder,
    listOrderPayments,
    verifyWebhook: verifyCashfreeWebhook,
    parseWebhook: parseCashfreeWebhook,
  };
}
