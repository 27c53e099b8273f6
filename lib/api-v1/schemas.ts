import * as z from 'zod';
import { orderInputSchema } from '@/lib/orders/order-input';
import { endpointInputSchema } from '@/lib/outbound-webhooks/endpoint-input';
import { ENDPOINT_ID, SUBSCRIBABLE_EVENTS } from '@/lib/outbound-webhooks/catalogue';
import { API_ORDER_STATUS, API_PAYMENT_STATUS } from './dto';

// The merchant API's requests and answers: the routes validate with these, and
// /api/v1/openapi.json is generated from them, so the reference cannot drift from the code.

/** The schemas the OpenAPI document names under components/schemas. */
export const apiSchemas = z.registry<{ id: string }>();

const orderId = z.string().regex(/^ord_[0-9A-Za-z]{16}$/, 'must be an order id (ord_…)');

// The same rules as the dashboard's and createOrder's (lib/orders/order-input.ts): one schema.
export const createOrderSchema = orderInputSchema.register(apiSchemas, { id: 'CreateOrder' });

const time = z.union([z.iso.datetime({ offset: true }), z.string().regex(/^\d{1,12}$/)]).meta({ description: 'ISO 8601, or Unix seconds.' });

export const listOrdersSchema = z
  .strictObject({
    limit: z.coerce.number().int().min(1).max(100).default(10),
    status: z.enum(Object.values(API_ORDER_STATUS)).optional(),
    created_gte: time.optional(),
    created_lte: time.optional(),
    starting_after: orderId.optional(),
    ending_before: orderId.optional(),
  })
  .refine((q) => !(q.starting_after && q.ending_before), { message: 'give starting_after or ending_before, not both', path: ['ending_before'] });

export const orderIdParam = orderId;

export const verifyPaymentSchema = z
  .strictObject({
    order_id: orderId,
    payment_id: z.string().regex(/^pay_[0-9A-Za-z]{1,40}$/, 'must be a Razorpay payment id (pay_…)'),
    signature: z.string().regex(/^[0-9a-f]{64}$/, 'must be the 64 hex characters of razorpay_signature'),
  })
  .register(apiSchemas, { id: 'VerifyPayment' });

const timestamp = z.iso.datetime();

export const orderSchema = z
  .object({
    id: orderId,
    object: z.literal('order'),
    status: z.enum(Object.values(API_ORDER_STATUS)),
    mode: z.enum(['test', 'live']),
    amount: z.int(),
    amount_paid: z.int(),
    amount_refunded: z.int(),
    currency: z.string(),
    receipt: z.string().nullable(),
    notes: z.record(z.string(), z.string()),
    customer: z.object({ email: z.string().nullable(), phone: z.string().nullable(), name: z.string().nullable() }).nullable(),
    gateway: z.enum(['razorpay', 'cashfree']),
    gateway_order_id: z.string(),
    checkout_url: z.url(),
    redirect_url: z.url().nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .register(apiSchemas, { id: 'Order' });

export const paymentSchema = z
  .object({
    id: z.string(),
    object: z.literal('payment'),
    order_id: orderId,
    gateway: z.enum(['razorpay', 'cashfree']),
    gateway_payment_id: z.string(),
    status: z.enum(Object.values(API_PAYMENT_STATUS)),
    method: z.string().nullable(),
    amount: z.int(),
    amount_refunded: z.int(),
    currency: z.string(),
    error: z.object({ code: z.string().nullable(), description: z.string().nullable() }).nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .register(apiSchemas, { id: 'Payment' });

const listOf = (item: z.ZodType, id: string) =>
  z.object({ object: z.literal('list'), data: z.array(item), has_more: z.boolean() }).register(apiSchemas, { id });

export const orderListSchema = listOf(orderSchema, 'OrderList');
export const paymentListSchema = listOf(paymentSchema, 'PaymentList');

export const verificationSchema = z
  .object({ object: z.literal('payment_verification'), verified: z.boolean(), order: orderSchema })
  .register(apiSchemas, { id: 'PaymentVerification' });

// The same rules as the Settings form's (lib/outbound-webhooks/endpoint-input.ts).
export const createWebhookEndpointSchema = endpointInputSchema.register(apiSchemas, { id: 'CreateWebhookEndpoint' });

export const webhookEndpointIdParam = z.string().regex(ENDPOINT_ID, 'must be a webhook endpoint id (we_…)');

export const webhookEndpointSchema = z
  .object({
    id: webhookEndpointIdParam,
    object: z.literal('webhook_endpoint'),
    url: z.url(),
    events: z.array(z.enum(SUBSCRIBABLE_EVENTS)),
    description: z.string().nullable(),
    mode: z.enum(['test', 'live']),
    status: z.enum(['enabled', 'disabled']),
    disabled_reason: z.enum(['manual', 'gone', 'failing']).nullable(),
    secret: z.string().optional().meta({ description: 'The signing secret (whsec_…): in the creation answer only.' }),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .register(apiSchemas, { id: 'WebhookEndpoint' });

export const webhookEndpointListSchema = listOf(webhookEndpointSchema, 'WebhookEndpointList');

export const deletedSchema = z
  .object({ id: z.string(), object: z.literal('webhook_endpoint'), deleted: z.literal(true) })
  .register(apiSchemas, { id: 'DeletedWebhookEndpoint' });

export const errorSchema = z
  .object({
    error: z.object({
      type: z.enum(['invalid_request_error', 'authentication_error', 'permission_error', 'idempotency_error', 'rate_limit_error', 'gateway_error', 'api_error']),
      code: z.string(),
      message: z.string(),
      param: z.string().optional(),
    }),
    request_id: z.string(),
  })
  .register(apiSchemas, { id: 'Error' });
