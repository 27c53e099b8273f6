import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from './server';
import { call } from './test-utils';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kspay-sandbox-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });

describe('sandbox state file', () => {
  it('keeps accounts, orders, payments and webhook configs across a restart', async () => {
    const stateFile = path.join(dir, 'nested', 'state.json');
    const first = await createSandbox({ stateFile });
    const account = (await call(`${first.url}/__sandbox/accounts`, { body: { gateway: 'razorpay' } })).json;
    const auth = basic(account.key_id, account.key_secret);
    const order = (await call(`${first.url}/razorpay/v1/orders`, { headers: auth, body: { amount: 4200, currency: 'INR', receipt: 'keep-me' } })).json;
    await call(`${first.url}/__sandbox/razorpay/webhooks`, {
      body: { key_id: account.key_id, url: 'http://127.0.0.1:9/hook', secret: 's', events: ['order.paid'] },
    });
    const payment = (await call(`${first.url}/__sandbox/payments`, { body: { gateway: 'razorpay', order_id: order.id, outcome: 'authorized' } })).json.payment;
    await first.close();
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toHaveProperty('rzpOrders');

    const second = await createSandbox({ stateFile });
    try {
      const fetched = await call(`${second.url}/razorpay/v1/orders/${order.id}`, { headers: auth });
      expect(fetched.status).toBe(200);
      expect(fetched.json).toMatchObject({ id: order.id, receipt: 'keep-me', status: 'attempted', attempts: 1 });
      const fetchedPayment = await call(`${second.url}/razorpay/v1/payments/${payment.id}`, { headers: auth });
      expect(fetchedPayment.json.status).toBe('authorized');
      const webhook = await call(`${second.url}/__sandbox/razorpay/webhooks?key_id=${account.key_id}`);
      expect(webhook.json).toEqual({ key_id: account.key_id, url: 'http://127.0.0.1:9/hook', events: ['order.paid'] });
      const dup = await call(`${second.url}/razorpay/v1/orders`, { headers: auth, body: { amount: 4200, currency: 'INR', receipt: 'keep-me' } });
      expect(dup.json.error.description).toBe('Order receipt should be unique.');
    } finally {
      await second.close();
    }
  });

  it('reset clears everything but the built-in accounts', async () => {
    const sandbox = await createSandbox({ stateFile: path.join(dir, 'reset.json') });
    try {
      const extra = (await call(`${sandbox.url}/__sandbox/accounts`, { body: { gateway: 'cashfree' } })).json;
      expect(extra.client_id).toMatch(/^TEST[0-9a-f]{32}$/);
      await call(`${sandbox.url}/__sandbox/reset`, { body: {} });
      const { json } = await call(`${sandbox.url}/__sandbox/accounts`);
      expect(json.cashfree.map((a: { client_id: string }) => a.client_id)).toEqual([sandbox.credentials.cashfree.clientId]);
      expect(json.razorpay.map((a: { key_id: string }) => a.key_id)).toEqual([sandbox.credentials.razorpay.keyId]);
    } finally {
      await sandbox.close();
    }
  });

  it('refuses to start over a state file that is not JSON instead of overwriting it', async () => {
    const stateFile = path.join(dir, 'broken.json');
    await writeFile(stateFile, '{ not json');
    await expect(createSandbox({ stateFile })).rejects.toThrow(/not a JSON object/);
    expect(await readFile(stateFile, 'utf8')).toBe('{ not json');
  });
});
