import * as z from 'zod';
import { env } from '@/lib/env';
import { ENDPOINT_ID } from '@/lib/outbound-webhooks/catalogue';
import { apiSchemas, listOrdersSchema } from './schemas';

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string) => ({ content: { 'application/json': { schema: ref(id) } } });

const errors = {
  '400': { description: 'A parameter is missing or wrong; `param` names it.', ...json('Error') },
  '401': { description: 'The secret key is missing, malformed, unknown, revoked or expired.', ...json('Error') },
  '403': { description: "Wrong mode for the app's verified gateway, or the app is not verified yet.", ...json('Error') },
  '404': { description: 'No such object for this app and mode.', ...json('Error') },
  '429': { description: 'Too many requests for this key; see `Retry-After`.', ...json('Error') },
  '502': { description: 'The payment gateway failed; the message says how.', ...json('Error') },
  '503': { description: 'The payment gateway is unavailable or limiting us; retry later.', ...json('Error') },
};

const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Up to 255 visible ASCII characters, per app and mode. The first completed answer (2xx or 4xx) is replayed for 24 h with `Idempotent-Replayed: true`; the same key with another body → 422; while the first runs → 409.',
  schema: { type: 'string', maxLength: 255 },
};
const idempotentErrors = {
  '409': { description: 'A request with this Idempotency-Key is still running.', ...json('Error') },
  '422': { description: 'This Idempotency-Key was used with another request.', ...json('Error') },
};
const endpointIdPath = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: ENDPOINT_ID.source } };
const orderIdPath = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^ord_[0-9A-Za-z]{16}$' } };

/** The OpenAPI 3.1 document of /api/v1, built from the zod schemas the routes validate with. */
export function openApiDocument() {
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}`, io: 'input', unrepresentable: 'any' });
  for (const schema of Object.values(schemas)) {
    delete (schema as { $schema?: string }).$schema;
    delete (schema as { $id?: string }).$id;
  }
  const listParameters = Object.entries(listOrdersSchema.shape).map(([name, schema]) => {
    const jsonSchema: { $schema?: string } = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' });
    delete jsonSchema.$schema;
    return { name, in: 'query', required: false, schema: jsonSchema };
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'KS Pay API',
      version: '1',
      description:
        'Create orders at your app’s payment gateway and read their payments. Authenticate with `Authorization: Bearer sk_test_…` (or `sk_live_…`) from your server. Amounts are minor units. Every answer carries `Request-Id`.',
    },
    servers: [{ url: new URL('/api/v1', env.APP_URL).toString() }],
    security: [{ secretKey: [] }],
    paths: {
      '/orders': {
        post: {
          operationId: 'createOrder',
          summary: 'Create an order',
          parameters: [idempotencyKey],
          requestBody: { required: true, ...json('CreateOrder') },
          responses: { '201': { description: 'The order, with its checkout_url.', ...json('Order') }, ...errors, ...idempotentErrors },
        },
        get: {
          operationId: 'listOrders',
          summary: 'List orders, newest first',
          parameters: listParameters,
          responses: { '200': { description: 'A page of orders.', ...json('OrderList') }, ...errors },
        },
      },
      '/orders/{id}': {
        get: {
          operationId: 'retrieveOrder',
          summary: 'Retrieve an order',
          parameters: [orderIdPath],
          responses: { '200': { description: 'The order.', ...json('Order') }, ...errors },
        },
      },
      '/orders/{id}/payments': {
        get: {
          operationId: 'listOrderPayments',
          summary: "An order's payment attempts",
          parameters: [orderIdPath],
          responses: { '200': { description: 'The payments, newest first.', ...json('PaymentList') }, ...errors },
        },
      },
      '/payments/verify': {
        post: {
          operationId: 'verifyPayment',
          summary: "Check Razorpay Checkout's callback signature",
          parameters: [idempotencyKey],
          requestBody: { required: true, ...json('VerifyPayment') },
          responses: { '200': { description: 'Whether the callback is genuine, and the order as KS Pay knows it.', ...json('PaymentVerification') }, ...errors, ...idempotentErrors },
        },
      },
      '/webhook_endpoints': {
        post: {
          operationId: 'createWebhookEndpoint',
          summary: "Add an endpoint on your server for KS Pay's events (the key's mode)",
          parameters: [idempotencyKey],
          requestBody: { required: true, ...json('CreateWebhookEndpoint') },
          responses: { '201': { description: 'The endpoint with its signing `secret`, shown this once.', ...json('WebhookEndpoint') }, ...errors, ...idempotentErrors },
        },
        get: {
          operationId: 'listWebhookEndpoints',
          summary: "The app's endpoints in the key's mode",
          responses: { '200': { description: 'Every endpoint, oldest first.', ...json('WebhookEndpointList') }, ...errors },
        },
      },
      '/webhook_endpoints/{id}': {
        get: {
          operationId: 'retrieveWebhookEndpoint',
          summary: 'Retrieve an endpoint (without its secret)',
          parameters: [endpointIdPath],
          responses: { '200': { description: 'The endpoint.', ...json('WebhookEndpoint') }, ...errors },
        },
        delete: {
          operationId: 'deleteWebhookEndpoint',
          summary: 'Delete an endpoint and its delivery log',
          parameters: [endpointIdPath],
          responses: { '200': { description: 'Deleted.', ...json('DeletedWebhookEndpoint') }, ...errors },
        },
      },
    },
    components: {
      securitySchemes: { secretKey: { type: 'http', scheme: 'bearer', description: 'Your secret key, sk_test_… or sk_live_…' } },
      schemas,
    },
  };
}
