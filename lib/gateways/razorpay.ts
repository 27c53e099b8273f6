import { z } from 'zod';
import { env } from '@/lib/env';
import { isSandbox, razorpayBaseUrl } from './base-urls';
import { GatewayError } from './errors';
import { explainInvalidCredentials, explainUnknown } from './explanations';
import { createRazorpayClient, type RazorpayClient } from './razorpay-client';
import { toRazorpayError, type RazorpayErrorContext } from './razorpay-errors';
import { parseRazorpayWebhook, RAZORPAY_PAYMENT_STATUSES, razorpayMethod, razorpayPaymentSchema, verifyRazorpayWebhook } from './razorpay-webhook';
import { backoffDelay, retryPolicy, sleep } from './retry';
import { razorpayCheckoutSignature, safeEqual } from './signatures';
import type { CreateOrderInput, GatewayOptions, GatewayOrder, GatewayPayment, RazorpayCredentials, RazorpayGateway } from './types';

const orderSchema = z.looseObject({
  id: z.string(),
  amount: z.number(),
  currency: z.string(),
  receipt: z.string().nullable(),
  status: z.enum(['created', 'attempted', 'paid']),
});

function toOrder(raw: unknown): GatewayOrder {
  const parsed = orderSchema.safeParse(raw);
  if (!parsed.success) {
    throw new GatewayError({ gateway: 'razorpay', kind: 'unknown', explanation: explainUnknown('razorpay', 200) });
  }
  const o = parsed.data;
  return {
    gateway: 'razorpay',
    gatewayOrderId: o.id,
    status: o.status,
    gatewayStatus: o.status,
    amount: o.amount,
    currency: o.currency,
    receipt: o.receipt,
    paymentSessionId: null,
    raw,
  };
}

const paymentsSchema = z.looseObject({
  items: z.array(razorpayPaymentSchema.extend({ amount_refunded: z.number().nullish() })),
});

function toPayments(raw: unknown): GatewayPayment[] {
  const parsed = paymentsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new GatewayError({ gateway: 'razorpay', kind: 'unknown', explanation: explainUnknown('razorpay', 200) });
  }
  return parsed.data.items.map((p) => ({
    paymentId: p.id,
    status: RAZORPAY_PAYMENT_STATUSES.find((s) => s === p.status) ?? null,
    method: razorpayMethod(p),
    amount: p.amount,
    currency: p.currency,
    amountRefunded: p.amount_refunded ?? null,
    error: p.error_code || p.error_description ? { code: p.error_code ?? null, description: p.error_description ?? null } : null,
    raw: p,
  }));
}

function isDuplicateReceipt(error: GatewayError): boolean {
  return error.kind === 'invalid_request' && /receipt should be unique/i.test(error.gatewayMessage ?? '');
}

/** Finds the order an earlier attempt of this call created, if it matches what we asked for. */
async function findByReceipt(client: RazorpayClient, input: CreateOrderInput): Promise<GatewayOrder | null> {
  try {
    const list = await client.sdk.orders.all({ receipt: input.receipt, count: 1 });
    const order = toOrder(list.items[0]);
    return order.amount === input.amount && order.currency === input.currency ? order : null;
  } catch {
    return null;
  }
}

export function createRazorpayGateway(options: GatewayOptions = {}): RazorpayGateway {
  const baseUrl = options.baseUrl ?? razorpayBaseUrl();
  const timeoutMs = options.timeoutMs ?? env.GATEWAY_TIMEOUT_MS;
  const policy = retryPolicy(options.retry);

  async function createOrder(credentials: RazorpayCredentials, input: CreateOrderInput): Promise<GatewayOrder> {
    const ctx: RazorpayErrorContext = { keyId: credentials.keyId, secrets: [credentials.keySecret], testModeOnly: isSandbox() };
    if (!credentials.keyId || !credentials.keySecret) {
      throw new GatewayError({ gateway: 'razorpay', kind: 'invalid_credentials', explanation: explainInvalidCredentials('razorpay', 'The Key ID or Key Secret is empty.') });
    }
    let client: RazorpayClient;
    try {
      client = createRazorpayClient(credentials, baseUrl, timeoutMs);
    } catch (caught) {
      throw toRazorpayError(caught, null, ctx);
    }
    const body = { amount: input.amount, currency: input.currency, receipt: input.receipt, ...(input.notes ? { notes: input.notes } : {}) };
    // Razorpay has no idempotency key, so a blind retry after a timeout or 5xx could create a
    // second order. The receipt makes it safe: it is required here and unique per account, so a
    // retry either creates the one order or fails with "receipt should be unique" because an
    // earlier attempt did get through, and then we fetch that order by receipt instead.
    for (let attempt = 1; ; attempt++) {
      try {
        return toOrder(await client.sdk.orders.create(body));
      } catch (caught) {
        const error = toRazorpayError(caught, client.transportFailure(), ctx);
        if (attempt > 1 && isDuplicateReceipt(error)) {
          const earlier = await findByReceipt(client, input);
          if (earlier) return earlier;
        }
        if (!error.retryable || attempt >= policy.maxAttempts) throw error;
        await sleep(backoffDelay(policy, attempt));
      }
    }
  }

  async function listOrderPayments(credentials: RazorpayCredentials, gatewayOrderId: string): Promise<GatewayPayment[]> {
    const ctx: RazorpayErrorContext = { keyId: credentials.keyId, secrets: [credentials.keySecret], testModeOnly: isSandbox() };
    let client: RazorpayClient;
    try {
      client = createRazorpayClient(credentials, baseUrl, timeoutMs);
    } catch (caught) {
      throw toRazorpayError(caught, null, ctx);
    }
    // A read: safe to retry blindly.
    for (let attempt = 1; ; attempt++) {
      try {
        return toPayments(await client.sdk.orders.fetchPayments(gatewayOrderId));
      } catch (caught) {
        if (caught instanceof GatewayError) throw caught;
        const error = toRazorpayError(caught, client.transportFailure(), ctx);
        if (!error.retryable || attempt >= policy.maxAttempts) throw error;
        await sleep(backoffDelay(policy, attempt));
      }
    }
  }

  return {
    name: 'razorpay',
    createOrder,
    listOrderPayments,
    verifyWebhook: verifyRazorpayWebhook,
    parseWebhook: parseRazorpayWebhook,
    verifyCheckoutSignature: ({ orderId, paymentId, signature, keySecret }) =>
      safeEqual(razorpayCheckoutSignature(orderId, paymentId, keySecret), signature),
  };
}
