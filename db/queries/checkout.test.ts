import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { openTestDatabase } from '@/db/test-db';
import { connectedApp } from '@/lib/api-v1/test-app';
import { env } from '@/lib/env';
import { syncOrder } from '@/lib/payments/sync';
import { createSandbox, type Sandbox } from '@/sandbox/server';
import { call } from '@/sandbox/test-utils';
import { getCheckoutOrder, getOrderProgress } from './checkout';

let database: Database;
let sandbox: Sandbox;
beforeAll(async () => {
  database = await openTestDatabase();
  sandbox = await createSandbox({ port: 0 });
  env.SANDBOX_URL = sandbox.url;
});
afterAll(async () => {
  await sandbox.close();
  await database.close();
});

describe('the checkout page reads', () => {
  it('count the order’s payment attempts as the gateway reported them', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    const orderId = app.verificationOrder.id;
    expect(await getOrderProgress(database.db, { orderId })).toEqual({ status: 'created', attempts: 0 });
    expect(await getCheckoutOrder(database.db, { orderId })).toMatchObject({ id: orderId, attempts: 0, appName: 'API Shop', paymentModes: ['upi'] });
    for (const outcome of ['failed', 'captured']) {
      await call(`${sandbox.url}/__sandbox/payments`, { body: { gateway: 'razorpay', order_id: app.verificationOrder.gatewayOrderId, outcome, method: 'upi' } });
    }
    await syncOrder(database.db, { appId: app.app.id, orderId });
    expect(await getOrderProgress(database.db, { orderId })).toEqual({ status: 'paid', attempts: 2 });
    expect(await getOrderProgress(database.db, { orderId: 'ord_AAAAAAAAAAAAAAAA' })).toBeNull();
  });
});
