import type { Db } from '@/db';
import { getAllowedOrigins } from '@/db/queries/apps';
import { getVerifiedCredentials, type VerifiedCredentials } from '@/db/queries/gateway-connections';
import { insertOrder } from '@/db/queries/orders';
import type { GatewayCredentials, Order } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { webhookUrl } from '@/lib/gateway-connections/webhook-url';
import type { GatewayOptions } from '@/lib/gateways';
import { createOrder as createGatewayOrder } from '@/lib/gateways/create-order';
import { newOrderId } from '@/lib/ids';
import { type OrderInput, parseOrderInput } from './order-input';

export interface CreateOrderOptions {
  /** The mode of the caller's API key: refused when the verified credentials are in the other one. */
  mode?: 'test' | 'live';
  /** The app's verified credentials when the caller has just read them (the API's key check does): not read again. */
  verified?: VerifiedCredentials;
  /** Cashfree's `x-idempotency-key`, reused on its retries (a random one when omitted). */
  idempotencyKey?: string;
  gateway?: GatewayOptions;
}

const CHECK_FIELDS = 'Check the highlighted fields.';

/**
 * An order for an app at its verified gateway, made with the verified credentials (a replacement
 * still being verified is not used) and stored with our `ord_…` id and their mode. Bad input and
 * an unverified app are AppErrors; a gateway's refusal or outage is the GatewayError it threw.
 */
export async function createOrder(db: Db, params: { appId: string }, input: OrderInput, options: CreateOrderOptions = {}): Promise<Order> {
  const parsed = parseOrderInput(input);
  if (!parsed.ok) throw new AppError('bad_request', CHECK_FIELDS, parsed.fieldErrors);
  const verified = options.verified ?? (await getVerifiedCredentials(db, params));
  if (!verified) {
    throw new AppError(
      'forbidden',
      'This app has no verified payment gateway yet. Finish Settings → Payment Gateway: its test order verifies the credentials.',
    );
  }
  const { credentials, endpointId } = verified;
  const redirectUrl = parsed.data.redirect_url;
  if (redirectUrl && !(await getAllowedOrigins(db, params)).includes(new URL(redirectUrl).origin)) {
    throw new AppError('bad_request', CHECK_FIELDS, {
      redirect_url: [`${new URL(redirectUrl).origin} is not one of this app's allowed domains: add it under Settings → General → Allowed domains`],
    });
  }
  if (options.mode && options.mode !== credentials.mode) {
    throw new AppError(
      'forbidden',
      `You're using the wrong mode: this app's gateway is verified in ${credentials.mode} mode. Replace ${options.mode} keys with ${credentials.mode} keys.`,
    );
  }
  const customer = parsed.data.customer ?? {};
  if (credentials.gateway === 'cashfree' && !customer.phone) {
    throw new AppError('bad_request', CHECK_FIELDS, { 'customer.phone': ['Cashfree needs the customer’s phone number'] });
  }
  // Cashfree wants an alphanumeric customer id: the phone's digits name the same customer every time.
  const customerId = customer.phone ? `cust${customer.phone.replace(/\D/g, '')}` : 'guest';
  const { amount, currency, receipt, notes } = parsed.data;
  const order = { amount, currency, receipt, notes, redirectUrl, customer: { ...customer, id: customerId } };
  return placeOrder(db, { appId: params.appId, endpointId, credentials }, order, options);
}

export interface PlaceOrderInput {
  amount: number;
  currency: string;
  /** Razorpay's `receipt`, Cashfree's `order_id`; our order id when omitted. */
  receipt?: string;
  notes?: Record<string, string>;
  customer: { id: string; email?: string; phone?: string; name?: string };
  redirectUrl?: string;
}

type Target = { appId: string; endpointId: string; credentials: GatewayCredentials };

/**
 * The one way an order is made at a gateway and stored (the wizard's test order and every other):
 * the gateway is called outside any transaction, Cashfree gets our notify URL, and the order is
 * stored only once the gateway has it.
 */
export async function placeOrder(db: Db, target: Target, input: PlaceOrderInput, options: CreateOrderOptions = {}): Promise<Order> {
  const { credentials } = target;
  const id = newOrderId();
  const { customer } = input;
  // Razorpay takes no idempotency key: a blind retry after a lost answer would make a second order.
  const gatewayOptions =
    credentials.gateway === 'razorpay' ? { ...options.gateway, retry: { ...options.gateway?.retry, maxAttempts: 1 } } : options.gateway;
  const made = await createGatewayOrder(
    credentials,
    {
      amount: input.amount,
      currency: input.currency,
      receipt: input.receipt ?? id,
      notes: input.notes,
      customer: { id: customer.id, phone: customer.phone ?? '', email: customer.email, name: customer.name },
      notifyUrl: webhookUrl('cashfree', target.endpointId),
      idempotencyKey: options.idempotencyKey,
    },
    gatewayOptions,
  );
  return insertOrder(db, {
    id,
    appId: target.appId,
    connectionId: credentials.connectionId,
    credentialsId: credentials.id,
    gateway: credentials.gateway,
    gatewayOrderId: made.gatewayOrderId,
    amount: made.amount,
    currency: made.currency,
    receipt: input.receipt ?? null,
    notes: input.notes ?? {},
    customerEmail: customer.email ?? null,
    customerPhone: customer.phone ?? null,
    customerName: customer.name ?? null,
    redirectUrl: input.redirectUrl ?? null,
    paymentSessionId: made.paymentSessionId,
    mode: credentials.mode,
  });
}
