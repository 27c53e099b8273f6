import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, signUp, test } from './fixtures';
import { freePort, installExample, packSdk, startShop } from './shop';
import { connectRazorpay, SANDBOX_URL, step } from './wizard';

// The README's "Take a test payment", as a customer lives it: the example shop (examples/express,
// on the packed kspay package) creates the order, the customer pays on the hosted checkout and the
// sandbox's test checkout, the webhook confirms, the shop and the dashboard say PAID.

const run = promisify(execFile);
const LIVE = { timeout: 20_000 };
type Setup = { baseURL: string; page: Page; appId: string; secretKey: string; account: { keyId: string; secret: string }; shop: { url: string; stop(): void }; cleanup(): Promise<void> };
let setup: Setup;
let tarball: string;

async function prepare(browser: Browser, baseURL: string): Promise<Setup> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const email = await signUp(page);
  const { appId, account } = await connectRazorpay(page, email);
  const security = step(page, '4. Security');
  await security.getByRole('button', { name: 'Generate API keys' }).click();
  const secretKey = (await security.getByTestId('new-secret-key').textContent())!.trim();
  expect(secretKey).toMatch(/^sk_test_/);

  const port = await freePort();
  await page.goto(`/apps/${appId}/settings`);
  const domains = page.getByRole('region', { name: 'Allowed domains' }).or(page.locator('form').filter({ hasText: 'Add a domain' }));
  await domains.getByLabel('Add a domain').fill(`http://localhost:${port}/`);
  await domains.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Allowed domains' })).toContainText(`http://localhost:${port}`);
  await domains.getByRole('button', { name: 'Save domains' }).click();
  await expect(page.getByText('Allowed domains saved')).toBeVisible();

  tarball = await packSdk();
  const example = await installExample('express', tarball);
  const shop = await startShop(example.dir, { port, kspayUrl: baseURL, secretKey });
  return { baseURL, page, appId, secretKey, account, shop, cleanup: async () => { shop.stop(); await example.remove(); await context.close(); } };
}

async function buyAndPay(page: Page, shopUrl: string, outcome: 'Payment succeeds' | 'Payment fails (bank declined)') {
  await page.goto(shopUrl);
  await page.getByRole('button', { name: 'Buy now' }).click();
  await expect(page).toHaveURL(/\/pay\/ord_[0-9A-Za-z]{16}$/);
  const orderId = page.url().split('/').at(-1)!;
  await expect(page.getByRole('heading', { name: '₹499.00', level: 1 })).toBeVisible();
  await expect(page.getByText('Test mode')).toBeVisible();
  await page.getByRole('button', { name: 'Pay ₹499.00' }).click();
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX_URL}/__sandbox/checkout`));
  await page.getByLabel(outcome).check();
  await page.getByRole('button', { name: 'Pay ₹499.00' }).click();
  await expect(page).toHaveURL(new RegExp(`/pay/${orderId}$`));
  return orderId;
}

async function gatewayPayments(page: Page, orderId: string) {
  const order = await (await page.request.get(`/api/v1/orders/${orderId}`, { headers: { authorization: `Bearer ${setup.secretKey}` } })).json();
  const auth = `Basic ${Buffer.from(`${setup.account.keyId}:${setup.account.secret}`).toString('base64')}`;
  const payments = await (await page.request.get(`${SANDBOX_URL}/razorpay/v1/orders/${order.gateway_order_id}/payments`, { headers: { authorization: auth } })).json();
  return payments.items as { status: string }[];
}

test.describe.serial('take a test payment with the example shop', () => {
  test.setTimeout(180_000);
  test.beforeAll(async ({ browser, baseURL }) => {
    setup = await prepare(browser, baseURL!);
  });
  test.afterAll(async () => setup?.cleanup());

  test('paid: the checkout waits for the webhook, says Thank you, returns to the shop, and the dashboard shows PAID', async () => {
    const { page } = setup;
    const orderId = await buyAndPay(page, setup.shop.url, 'Payment succeeds');
    await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible(LIVE);
    await expectAccessible(page);
    // Back at the shop, which asked KS Pay for the order (not the query string).
    await expect(page).toHaveURL(new RegExp(`^${setup.shop.url}/thank-you\\?order_id=${orderId}&status=PAID$`), LIVE);
    await expect(page.locator('[data-status]')).toHaveText('PAID');
    await page.goto(`/apps/${setup.appId}/transactions`);
    await expect(page.getByRole('row').filter({ hasText: orderId })).toContainText('PAID', LIVE);
    expect(await gatewayPayments(page, orderId)).toHaveLength(1);
  });

  test('failed: Payment failed, Try again, and a second attempt that succeeds', async () => {
    const { page } = setup;
    const orderId = await buyAndPay(page, setup.shop.url, 'Payment fails (bank declined)');
    await expect(page.getByRole('heading', { name: 'Payment failed' })).toBeVisible(LIVE);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('button', { name: 'Pay ₹499.00' }).click();
    await page.getByLabel('Payment succeeds').check();
    await page.getByRole('button', { name: 'Pay ₹499.00' }).click();
    await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible(LIVE);
    expect((await gatewayPayments(page, orderId)).map((p) => p.status).sort()).toEqual(['captured', 'failed']);
  });

  test('a double click, a reload and the back button make one payment', async () => {
    const { page } = setup;
    await page.goto(setup.shop.url);
    await page.getByRole('button', { name: 'Buy now' }).click();
    await expect(page).toHaveURL(/\/pay\/ord_/);
    const orderId = page.url().split('/').at(-1)!;
    await page.getByRole('button', { name: 'Pay ₹499.00' }).dblclick();
    await expect(page).toHaveURL(new RegExp(`^${SANDBOX_URL}/__sandbox/checkout`));
    await page.getByRole('button', { name: 'Pay ₹499.00' }).dblclick();
    await expect(page).toHaveURL(new RegExp(`/pay/${orderId}$`));
    await page.reload();
    // Back to the test checkout: its attempt is spent, so it sends the customer straight back.
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/pay/${orderId}$`));
    await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible(LIVE);
    await expect(page.getByRole('button', { name: /^Pay / })).toHaveCount(0);
    expect(await gatewayPayments(page, orderId)).toHaveLength(1);
  });

  // In this serial group: `npm pack` rebuilds sdk/dist, so two packs at once would race.
  test('the Next.js example route handler creates an order with the packed package', async () => {
    const { secretKey } = setup;
    const example = await installExample('nextjs', tarball);
    try {
      // The route file as the guide shows it, called as Next.js would (Node runs its TypeScript as is).
      const runner = `import { POST } from './app/api/checkout/route.ts';
  const response = await POST(new Request('http://shop/api/checkout', { method: 'POST', body: JSON.stringify({ receipt: 'cart-81' }) }));
  console.log(JSON.stringify({ status: response.status, body: await response.json() }));`;
      await writeFile(path.join(example.dir, 'run.mjs'), runner);
      const env = { ...process.env, KSPAY_SECRET_KEY: secretKey, KSPAY_URL: setup.baseURL, SHOP_URL: setup.shop.url };
      const first = JSON.parse((await run(process.execPath, ['run.mjs'], { cwd: example.dir, env })).stdout);
      expect(first.status).toBe(200);
      expect(first.body.checkoutUrl).toMatch(/\/pay\/ord_[0-9A-Za-z]{16}$/);
      // Its own idempotency key: the same cart again is the same order.
      const again = JSON.parse((await run(process.execPath, ['run.mjs'], { cwd: example.dir, env })).stdout);
      expect(again.body.orderId).toBe(first.body.orderId);
    } finally {
      await example.remove();
    }
  });
});
