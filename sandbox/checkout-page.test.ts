import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './server';
import { call } from './test-utils';

let sandbox: Sandbox;
const auth = { authorization: `Basic ${Buffer.from('rzp_test_KsPaySandbox01:sandboxSecretKsPay000001').toString('base64')}` };

beforeAll(async () => {
  sandbox = await createSandbox({ port: 0, retryBaseMs: 20, maxAttempts: 1 });
});
afterAll(() => sandbox.close());

async function newOrder() {
  return (await call(`${sandbox.url}/razorpay/v1/orders`, { headers: auth, body: { amount: 49_900, currency: 'INR' } })).json.id as string;
}

const page = (query: Record<string, string>) => fetch(`${sandbox.url}/__sandbox/checkout?${new URLSearchParams(query)}`, { redirect: 'manual' });
const submit = (form: Record<string, string>) =>
  fetch(`${sandbox.url}/__sandbox/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
    redirect: 'manual',
  });

describe('the sandbox test checkout', () => {
  it('shows the order, pays it once per attempt, and sends the customer back', async () => {
    const orderId = await newOrder();
    const base = { gateway: 'razorpay', order_id: orderId, return_url: 'http://localhost:3000/pay/ord_x', attempt: 'attempt0001' };
    const shown = await page(base);
    expect(shown.status).toBe(200);
    const html = await shown.text();
    expect(html).toContain('₹499.00');
    expect(html).toContain('name="outcome" value="failed"');

    const paid = await submit({ ...base, outcome: 'captured', method: 'upi' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(base.return_url);
    // A double submit and a reload of the page pay nothing more.
    expect((await submit({ ...base, outcome: 'captured', method: 'upi' })).status).toBe(303);
    expect((await page(base)).status).toBe(303);
    const payments = await call(`${sandbox.url}/razorpay/v1/orders/${orderId}/payments`, { headers: auth });
    expect(payments.json.items).toHaveLength(1);
    expect(payments.json.items[0]).toMatchObject({ status: 'captured', method: 'upi' });
  });

  it('refuses an incomplete link, an unknown order and a bad return address with a page, not JSON', async () => {
    const orderId = await newOrder();
    for (const query of [
      { gateway: 'razorpay', order_id: orderId, attempt: 'attempt0002' },
      { gateway: 'razorpay', order_id: 'order_nope', return_url: 'http://localhost/x', attempt: 'attempt0003' },
      { gateway: 'razorpay', order_id: orderId, return_url: 'javascript:alert(1)', attempt: 'attempt0004' },
      { gateway: 'paypal', order_id: orderId, return_url: 'http://localhost/x', attempt: 'attempt0005' },
    ]) {
      const answer = await page(query as Record<string, string>);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('text/html');
    }
    const bad = await submit({ gateway: 'razorpay', order_id: orderId, return_url: 'http://localhost/x', attempt: 'attempt0006', outcome: 'refund_everything', method: 'upi' });
    expect(bad.status).toBe(400);
  });

  it('escapes what it echoes', async () => {
    const orderId = await newOrder();
    const html = await (await page({ gateway: 'razorpay', order_id: orderId, return_url: 'http://localhost/"><script>alert(1)</script>', attempt: 'attempt0007' })).text();
    expect(html).not.toContain('<script>alert(1)</script>');
  });
});
