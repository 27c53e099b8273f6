import { createHmac } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { connectRazorpay, newSandboxAccount, openWizard, revealWebhook, SANDBOX_URL, step, submitCredentials } from './wizard';

/** Credentials submitted; returns the Webhook step's URL and revealed secret. */
async function connect(page: Page, account: { keyId: string; secret: string }) {
  await submitCredentials(page, { keyId: account.keyId, secret: account.secret, modes: ['UPI'] });
  return revealWebhook(page);
}

const capturedEvent = (orderId: string) =>
  JSON.stringify({
    entity: 'event',
    event: 'payment.captured',
    contains: ['payment'],
    payload: { payment: { entity: { id: 'pay_forged01', amount: 100, currency: 'INR', status: 'captured', order_id: orderId, method: 'upi' } } },
    created_at: Math.floor(Date.now() / 1000),
  });

test('a forged delivery shows up on the events page with its reason and signature check, without a reload', async ({ page, merchant }, testInfo) => {
  const appId = await openWizard(page, merchant.email);
  const account = await newSandboxAccount(page);
  const { url } = await connect(page, account);

  await page.goto(`/apps/${appId}/webhooks`);
  await expect(page.getByRole('heading', { name: 'Webhook events' })).toBeVisible();
  await expect(page.getByText('No deliveries yet')).toBeVisible();
  await expectAccessible(page);

  // Signed with the API Key Secret instead of the webhook secret: a mistake merchants make.
  const body = capturedEvent('order_forged01');
  const forged = await page.request.post(url, {
    data: body,
    headers: {
      'content-type': 'application/json',
      'x-razorpay-signature': createHmac('sha256', account.secret).update(body).digest('hex'),
      'x-razorpay-event-id': 'evt_forged_e2e',
    },
  });
  expect(forged.status()).toBe(401);
  expect(await forged.json()).toEqual({ outcome: 'rejected', reason: 'signature_mismatch' });

  const table = page.getByRole('region', { name: 'Webhook deliveries' });
  const row = table.getByRole('row').filter({ hasText: 'evt_forged_e2e' });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText('Rejected');
  await expect(row).toContainText('Signature mismatch');
  await expect(row).toContainText('payment.captured');

  await row.getByRole('button', { name: /Details/ }).click();
  const sheet = page.getByRole('dialog', { name: 'Webhook delivery' });
  await expect(sheet).toBeVisible();
  const check = sheet.getByRole('region', { name: 'Signature check' });
  await expect(check).toContainText('Likely cause: Signed with your API Key Secret');
  await expect(check).toContainText('Current webhook secret');
  await expect(check).toContainText('No match');
  await expect(check).toContainText('Razorpay Dashboard → Webhooks');
  await expect(sheet.getByLabel('Payload as received')).toContainText('"order_id": "order_forged01"');
  await expect(sheet).toContainText('x-razorpay-event-id');
  // Neither the signature nor any secret is on the page.
  const html = await page.content();
  expect(html).not.toContain(account.secret);
  expect(html).not.toContain(createHmac('sha256', account.secret).update(body).digest('hex'));
  await expect(page).toHaveURL(/delivery=/);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('webhook-delivery-sheet.png') });

  // The detail is in the URL: a reload opens it again; Escape closes it and drops it from the URL.
  await page.reload();
  await expect(page.getByRole('dialog', { name: 'Webhook delivery' }).getByRole('region', { name: 'Signature check' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/delivery=/);

  // Filters live in the URL; a filter with nothing in it says so.
  await page.getByRole('combobox', { name: 'Outcome' }).click();
  await page.getByRole('option', { name: 'Applied' }).click();
  await expect(page).toHaveURL(/outcome=applied/);
  await expect(page.getByText('No deliveries match these filters')).toBeVisible();
  await page.goBack();
  await expect(row).toBeVisible();
  // A malformed link is explained, not a 500.
  await page.goto(`/apps/${appId}/webhooks?outcome=exploded&cursor=%00`);
  await expect(page.getByRole('status').filter({ hasText: 'Part of the link was ignored' })).toBeVisible();
  await expect(row).toBeVisible();
  expect((await page.request.get(`/api/apps/${appId}/webhook-events?outcome=exploded`)).status()).toBe(400);

  // The Webhook step and the Overview warn about it, with a link to the rejected deliveries.
  await page.goto(`/apps/${appId}/settings/payment-gateway`);
  const warning = step(page, '2. Webhook').getByRole('alert');
  await expect(warning).toContainText('1 delivery was rejected in the last 24 hours');
  await expect(warning).toContainText('Signed with your API Key Secret');
  await expectAccessible(page);
  await warning.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/apps/${appId}/webhooks\\?outcome=rejected`));
  await expect(page.getByRole('region', { name: 'Webhook deliveries' }).getByRole('row').filter({ hasText: 'evt_forged_e2e' })).toBeVisible();

  await page.goto(`/apps/${appId}`);
  await expect(page.getByTestId('rejected-24h')).toHaveText('1');
  await expect(page.getByRole('link', { name: 'View rejected deliveries' })).toBeVisible();
});

test('a real sandbox payment appears on the Overview totals and chart without a reload', async ({ page, merchant }, testInfo) => {
  const { appId, gatewayOrderId: orderId } = await connectRazorpay(page, merchant.email);

  await page.goto(`/apps/${appId}`);
  const today = page.locator('[data-slot="card"]').filter({ has: page.getByRole('heading', { name: 'Today' }) });
  await expect(today).toContainText('Orders1');
  await expect(today).toContainText('Paid₹0.00');
  await expect(today).toContainText('Success rate—');
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await expect(page.getByText('Success rate = paid ÷ (paid + failed) orders')).toBeVisible();
  await expect(page.getByText('None yet')).toBeVisible();
  await expectAccessible(page);

  // The customer pays: the sandbox delivers signed webhooks to our route; the page follows on its own.
  const paid = await page.request.post(`${SANDBOX_URL}/__sandbox/payments`, {
    data: { gateway: 'razorpay', order_id: orderId, outcome: 'captured', method: 'upi', delivery: { wait: true } },
  });
  expect(paid.ok()).toBe(true);
  await expect(today).toContainText('Paid₹1.00', { timeout: 15_000 });
  await expect(today).toContainText('100%');
  await expect(today).toContainText('1 paid · 0 failed');
  const chartData = page.getByRole('table', { name: /Paid volume and failures, last 30 days/ });
  await expect(chartData.getByRole('row').last()).toContainText('₹1.00');
  await expect(page.getByText('Last verified webhook')).toBeVisible();
  await expect(page.getByText('None yet')).toBeHidden();
  await expect(page.getByTestId('rejected-24h')).toHaveText('0');
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('overview.png'), fullPage: true });

  // And the events page lists the applied deliveries, each linked to its order.
  await page.goto(`/apps/${appId}/webhooks?outcome=applied`);
  const applied = page.getByRole('region', { name: 'Webhook deliveries' }).getByRole('row').filter({ hasText: 'payment.captured' });
  await expect(applied).toContainText('Applied');
  await expect(applied.getByRole('link', { name: /^ord_/ })).toHaveAttribute('href', new RegExp(`/apps/${appId}/transactions/ord_`));
});
