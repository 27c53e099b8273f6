import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { createApp, getApp } from '@/db/queries/apps';
import { getConnection } from '@/db/queries/gateway-connections';
import { createMerchant } from '@/db/queries/merchants';
import { orders } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import type { Actor } from '@/lib/apps/actor';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { markNpmDone, markWebhookDone } from '@/lib/gateway-connections/steps';
import { submitCredentials } from '@/lib/gateway-connections/submit-credentials';
import { runTestOrder } from '@/lib/gateway-connections/verify';
import { GatewayError } from '@/lib/gateways';
import { FAST_RETRY } from '@/lib/gateways/test-helpers';
import { createSandbox, type Sandbox } from '@/sandbox/server';
import { call } from '@/sandbox/test-utils';
import { createOrder } from './create-order';
import type { OrderInput } from './order-input';

let database: Database;
let sandbox: Sandbox;
const APP_URL = 'http://localhost:3999';

beforeAll(async () => {
  database = await openTestDatabase();
  sandbox = await createSandbox({ port: 0 });
  env.SANDBOX_URL = sandbox.url;
  env.APP_URL = APP_URL;
});
afterAll(async () => {
  await sandbox.close();
  await database.close();
});

type Account = { gateway: 'razorpay' | 'cashfree'; keyId: string; keySecret: string };

async function newApp() {
  const merchantId = (await createMerchant(database.db, { email: `orders-${randomBytes(4).toString('hex')}@example.com`, passwordHash: 'x' }))!.id;
  const created = await createApp(database.db, { merchantId, name: 'Order Shop', email: 'shop@example.com', country: 'IN' });
  const app = (await getApp(database.db, { merchantId, publicId: created.publicId }))!;
  const actor: Actor = { appId: app.id, merchantId, ip: null };
  return { actor, app: { id: app.id, publicId: app.publicId, email: app.email } };
}

async function newAccount(gateway: 'razorpay' | 'cashfree'): Promise<Account> {
  const { json } = await call(`${sandbox.url}/__sandbox/accounts`, { body: { gateway } });
  return gateway === 'razorpay' ? { gateway, keyId: json.key_id, keySecret: json.key_secret } : { gateway, keyId: json.client_id, keySecret: json.client_secret };
}

const credentialsOf = (account: Account, keySecret = account.keySecret) =>
  account.gateway === 'razorpay'
    ? { gateway: 'razorpay' as const, keyId: account.keyId, keySecret, paymentModes: ['upi' as const] }
    : { gateway: 'cashfree' as const, keyId: account.keyId, keySecret, environment: 'sandbox' as const, paymentModes: ['upi' as const] };

/** An app whose gateway the wizard verified with a fresh sandbox account. */
async function verifiedApp(gateway: 'razorpay' | 'cashfree') {
  const made = await newApp();
  const account = await newAccount(gateway);
  await submitCredentials(database.db, made.actor, credentialsOf(account));
  if (gateway === 'razorpay') await markWebhookDone(database.db, made.actor);
  await markNpmDone(database.db, made.actor);
  expect((await runTestOrder(database.db, made.actor, made.app)).outcome).toBe('succeeded');
  return { ...made, account };
}

const ordersOf = (appId: string) => database.db.select().from(orders).where(eq(orders.appId, appId));
const rzpOrderAtSandbox = (account: Account, id: string) =>
  call(`${sandbox.url}/razorpay/v1/orders/${id}`, { headers: { authorization: `Basic ${Buffer.from(`${account.keyId}:${account.keySecret}`).toString('base64')}` } });
const cfOrderAtSandbox = (account: Account, id: string) =>
  call(`${sandbox.url}/cashfree/pg/orders/${id}`, { headers: { 'x-client-id': account.keyId, 'x-client-secret': account.keySecret, 'x-api-version': '2025-01-01' } });
const fault = (body: object) => call(`${sandbox.url}/__sandbox/faults`, { body });

const INPUT: OrderInput = {
  amount: 49_900,
  currency: 'INR',
  receipt: 'rcpt_0001',
  notes: { product: 'Masala chai, 250 g' },
  customer: { email: 'asha@example.com', phone: '9876543210', name: 'Asha Rao' },
};

describe('createOrder at the verified gateway', () => {
  it('Razorpay: made with the verified credentials, stored with our id, the mode, amount, receipt, notes and customer', async () => {
    const { app, account } = await verifiedApp('razorpay');
    const order = await createOrder(database.db, { appId: app.id }, INPUT);
    expect(order).toMatchObject({
      id: expect.stringMatching(/^ord_[0-9A-Za-z]{16}$/),
      gateway: 'razorpay',
      gatewayOrderId: expect.stringMatching(/^order_/),
      amount: 49_900,
      currency: 'INR',
      receipt: 'rcpt_0001',
      notes: { product: 'Masala chai, 250 g' },
      customerEmail: 'asha@example.com',
      customerPhone: '9876543210',
      customerName: 'Asha Rao',
      status: 'created',
      mode: 'test',
    });
    const connection = (await getConnection(database.db, { appId: app.id }))!;
    expect(order.credentialsId).toBe(connection.verifiedCredentialsId);
    const remote = await rzpOrderAtSandbox(account, order.gatewayOrderId);
    expect(remote.json).toMatchObject({ amount: 49_900, currency: 'INR', receipt: 'rcpt_0001', notes: { product: 'Masala chai, 250 g' } });
  });

  it('without a receipt the gateway gets our order id as one (unique per account) and none is stored', async () => {
    const { app, account } = await verifiedApp('razorpay');
    const order = await createOrder(database.db, { appId: app.id }, { amount: 10_000, currency: 'INR' });
    expect(order).toMatchObject({ receipt: null, notes: {}, customerEmail: null, customerPhone: null });
    expect((await rzpOrderAtSandbox(account, order.gatewayOrderId)).json.receipt).toBe(order.id);
  });

  it('Cashfree: the receipt is its order_id and the order carries our notify URL and the customer', async () => {
    const { app, account } = await verifiedApp('cashfree');
    const order = await createOrder(database.db, { appId: app.id }, INPUT);
    expect(order).toMatchObject({ gateway: 'cashfree', gatewayOrderId: 'rcpt_0001', amount: 49_900, mode: 'test', customerName: 'Asha Rao' });
    const connection = (await getConnection(database.db, { appId: app.id }))!;
    const remote = (await cfOrderAtSandbox(account, 'rcpt_0001')).json;
    expect(remote.order_meta.notify_url).toBe(`${APP_URL}/api/webhooks/cashfree/${connection.webhookEndpointId}`);
    expect(remote.customer_details).toMatchObject({ customer_id: 'cust9876543210', customer_phone: '9876543210', customer_email: 'asha@example.com', customer_name: 'Asha Rao' });
    expect(remote.order_amount).toBe(499);
  });

  it('Cashfree: an answer lost after the order was made is retried with the same idempotency key: one order', async () => {
    const { app } = await verifiedApp('cashfree');
    await fault({ gateway: 'cashfree', status: 503, after: true, count: 1 });
    const order = await createOrder(database.db, { appId: app.id }, { ...INPUT, receipt: 'rcpt_lost' }, { gateway: { retry: FAST_RETRY } });
    expect(order.gatewayOrderId).toBe('rcpt_lost');
    expect(await ordersOf(app.id)).toHaveLength(2); // the verification order and this one
  });

  it('a replacement still being verified is not used: the verified credentials make the order', async () => {
    const { actor, app, account } = await verifiedApp('razorpay');
    const connection = (await getConnection(database.db, { appId: app.id }))!;
    await submitCredentials(database.db, actor, credentialsOf(account, 'typoSecretKsPay000000000'));
    const order = await createOrder(database.db, { appId: app.id }, INPUT);
    expect(order.credentialsId).toBe(connection.verifiedCredentialsId);
  });
});

describe('createOrder refuses', () => {
  it('an app without a verified gateway, before and after credentials are submitted, and nothing is stored', async () => {
    const { actor, app } = await newApp();
    const refused = (promise: Promise<unknown>) => expect(promise).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/no verified payment gateway/) });
    await refused(createOrder(database.db, { appId: app.id }, INPUT));
    await submitCredentials(database.db, actor, credentialsOf(await newAccount('razorpay')));
    await refused(createOrder(database.db, { appId: app.id }, INPUT));
    expect(await ordersOf(app.id)).toEqual([]);
  });

  it('a caller in the other mode (a live key for test credentials)', async () => {
    const { app } = await verifiedApp('razorpay');
    await expect(createOrder(database.db, { appId: app.id }, INPUT, { mode: 'live' })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/wrong mode.*test mode/),
    });
    expect(await createOrder(database.db, { appId: app.id }, { ...INPUT, receipt: 'rcpt_mode' }, { mode: 'test' })).toMatchObject({ mode: 'test' });
  });

  it('bad input with field errors, before the gateway is asked', async () => {
    const { app } = await verifiedApp('razorpay');
    const cases: [unknown, string][] = [
      [{ ...INPUT, amount: 1.5 }, 'amount'],
      [{ ...INPUT, amount: 2 ** 60 }, 'amount'],
      [{ ...INPUT, amount: -100 }, 'amount'],
      [{ ...INPUT, amount: '49900' }, 'amount'],
      [{ ...INPUT, currency: 'inr' }, 'currency'],
      [{ ...INPUT, receipt: 'r'.repeat(41) }, 'receipt'],
      [{ ...INPUT, receipt: 'rcpt\u0000' }, 'receipt'],
      [{ ...INPUT, notes: { product: 'chai\u0000' } }, 'notes.product'],
      [{ ...INPUT, notes: Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, 'v'])) }, 'notes'],
      [{ ...INPUT, customer: { email: 'not-an-email' } }, 'customer.email'],
      [{ ...INPUT, customer: { phone: '12' } }, 'customer.phone'],
      [{ ...INPUT, customer: { name: '\uD800' } }, 'customer.name'],
      [{ ...INPUT, surprise: true }, '_form'],
    ];
    for (const [input, field] of cases) {
      const error = await createOrder(database.db, { appId: app.id }, input as OrderInput).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('bad_request');
      expect(Object.keys((error as AppError).fieldErrors ?? {}), JSON.stringify(input)).toContain(field);
    }
    expect(await ordersOf(app.id)).toHaveLength(1); // the verification order only
  });

  it('Cashfree without the customer phone it requires', async () => {
    const { app } = await verifiedApp('cashfree');
    await expect(createOrder(database.db, { appId: app.id }, { amount: 10_000, currency: 'INR' })).rejects.toMatchObject({
      code: 'bad_request',
      fieldErrors: { 'customer.phone': [expect.stringMatching(/phone/)] },
    });
  });

  it('a gateway error comes through as the GatewayError in plain words, and nothing is stored', async () => {
    const { app } = await verifiedApp('razorpay');
    await fault({ gateway: 'razorpay', status: 503, count: 1 });
    const down = await createOrder(database.db, { appId: app.id }, INPUT).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(GatewayError);
    expect(down).toMatchObject({ kind: 'unavailable', explanation: expect.any(String) });
    // Below Razorpay's minimum: the gateway's refusal names our field.
    const small = await createOrder(database.db, { appId: app.id }, { ...INPUT, amount: 50 }).catch((e: unknown) => e);
    expect(small).toMatchObject({ name: 'GatewayError', kind: 'invalid_request', field: 'amount' });
    expect(await ordersOf(app.id)).toHaveLength(1);
    // Razorpay is never retried blindly: the one fault was spent by one call, and the next call goes through.
    expect(await createOrder(database.db, { appId: app.id }, INPUT)).toMatchObject({ receipt: 'rcpt_0001' });
  });
});
