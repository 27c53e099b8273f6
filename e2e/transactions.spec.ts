import { createHmac, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { connectRazorpay, SANDBOX_URL, snapshot } from './wizard';

const LIVE = { timeout: 20_000 };

type Connected = Awaited<ReturnType<typeof connectRazorpay>>;

async function sandbox(request: APIRequestContext, path: string, data: unknown) {
  const response = await request.post(`${SANDBOX_URL}${path}`, { data });
  expect(response.ok(), await response.text()).toBe(true);
  return response.json();
}

/**
 * A signed `refund.processed` for half of the ₹1.00 test order, as Razorpay would send it. The
 * sandbox refunds at least ₹1.00 (Razorpay's minimum), so a partial refund of the test order has to
 * be delivered by hand — signed with the merchant's webhook secret, into the real route.
 */
async function deliverPartialRefund(request: APIRequestContext, c: Connected, paymentId: string) {
  const refundId = `rfnd_${randomBytes(7).toString('hex')}`;
  const body = JSON.stringify({
    entity: 'event',
    event: 'refund.processed',
    contains: ['refund', 'payment'],
    payload: {
      refund: { entity: { id: refundId, amount: 50, currency: 'INR', payment_id: paymentId, status: 'processed' } },
      payment: {
        entity: { id: paymentId, amount: 100, currency: 'INR', status: 'captured', order_id: c.gatewayOrderId, method: 'upi', amount_refunded: 50 },
      },
    },
    created_at: Math.floor(Date.now() / 1000),
  });
  const response = await request.post(c.webhookUrl, {
    data: body,
    headers: {
      'content-type': 'application/json',
      'x-razorpay-event-id': `evt_${randomBytes(7).toString('hex')}`,
      'x-razorpay-signature': createHmac('sha256', c.webhookSecret).update(body).digest('hex'),
    },
  });
  expect(await response.json()).toEqual({ outcome: 'applied' });
  return refundId;
}

/** Marks the document: if the page reloads, the mark is gone. */
const markDocument = (page: Page) => page.evaluate(() => ((window as unknown as { kspayMark: boolean }).kspayMark = true));
const expectSameDocument = async (page: Page) =>
  expect(await page.evaluate(() => (window as unknown as { kspayMark?: boolean }).kspayMark)).toBe(true);

test('sandbox payments appear on Transactions and the order timeline without a reload; filters, search and CSV', async ({ page, merchant }, testInfo) => {
  test.setTimeout(150_000);
  const c = await connectRazorpay(page, merchant.email);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Transactions' }).click();
  await expect(page).toHaveURL(`/apps/${c.appId}/transactions`);
  await expect(page.getByRole('heading', { name: 'Transactions' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Mode' }).getByRole('link', { name: 'Test' })).toHaveAttribute('aria-current', 'page');
  const row = page.getByRole('row').filter({ hasText: 'Razorpay' });
  await expect(row).toHaveCount(1);
  await expect(row.getByText('CREATED', { exact: true })).toBeVisible();
  await expect(row).toContainText('₹1.00');
  await expect(row).toContainText(merchant.email);
  await expect(page.getByRole('columnheader', { name: 'Created (IST)' })).toBeVisible();
  const orderId = (await row.getByRole('link').textContent())!.trim();
  expect(orderId).toMatch(/^ord_[0-9A-Za-z]{16}$/);
  await expectAccessible(page);

  // A failed payment: the open page follows.
  await markDocument(page);
  const failed = await sandbox(page.request, '/__sandbox/payments', {
    gateway: 'razorpay', order_id: c.gatewayOrderId, outcome: 'failed', method: 'upi', delivery: { wait: true },
  });
  const paymentId = failed.payment.id as string;
  await expect(row.getByText('FAILED', { exact: true })).toBeVisible(LIVE);
  await expect(row).toContainText('UPI');
  await expectSameDocument(page);

  // The order: its failed payment and the webhook that said so.
  await row.getByRole('link', { name: orderId }).click();
  await expect(page).toHaveURL(`/apps/${c.appId}/transactions/${orderId}`);
  await expect(page.getByTestId('order-status')).toHaveText('FAILED');
  const payments = page.getByRole('list', { name: 'Payments' });
  await expect(payments).toContainText(paymentId);
  await expect(payments).toContainText('Failed');
  await expect(payments).toContainText('BAD_REQUEST_ERROR');
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem').filter({ hasText: 'payment.failed' })).toContainText('Applied');

  // Late authorisation: the failed payment is captured after all; then half of it is refunded.
  await markDocument(page);
  await sandbox(page.request, `/__sandbox/payments/${paymentId}/capture`, { delivery: { wait: true } });
  await expect(page.getByTestId('order-status')).toHaveText('PAID', LIVE);
  await expect(timeline.getByRole('listitem').filter({ hasText: 'payment.captured' })).toContainText('Applied');
  await expect(payments).toContainText('Captured');
  const refundId = await deliverPartialRefund(page.request, c, paymentId);
  await expect(page.getByTestId('order-status')).toHaveText('PARTIALLY REFUNDED', LIVE);
  await expect(payments).toContainText(refundId);
  await expect(payments).toContainText('₹0.50');
  await expect(timeline.getByRole('listitem').filter({ hasText: 'refund.processed' })).toContainText('Applied');
  await expectSameDocument(page);

  await expect(page.locator('main')).toContainText(c.gatewayOrderId);
  await expect(page.locator('main')).toContainText('ks_pay_verification');
  await expectAccessible(page);
  await snapshot(page, testInfo, 'order-detail');

  // The raw payload, one click away, as text.
  await timeline.getByRole('button', { name: /View payload of payment\.failed/ }).click();
  const dialog = page.getByRole('dialog', { name: 'payment.failed' });
  await expect(dialog.getByTestId('event-payload')).toContainText('"event": "payment.failed"');
  await expect(dialog.getByTestId('event-payload')).toContainText(`"order_id": "${c.gatewayOrderId}"`);
  await expect(dialog).not.toContainText('x-razorpay-signature');
  await expectAccessible(page);
  await snapshot(page, testInfo, 'order-payload');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Back on the list, the row caught up too.
  await page.getByRole('link', { name: 'Transactions' }).first().click();
  await expect(row.getByText('PARTIALLY REFUNDED', { exact: true })).toBeVisible();
  await expect(row).toContainText('₹0.50 refunded');
  await snapshot(page, testInfo, 'transactions');

  // Filters narrow the list; every view is a URL, and Back returns to the one before.
  await page.getByLabel('Status').selectOption('failed');
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByText('No transactions match these filters')).toBeVisible();
  await page.getByRole('link', { name: 'Clear filters' }).first().click();
  await expect(page).toHaveURL(`/apps/${c.appId}/transactions?mode=test`);
  await expect(row).toHaveCount(1);
  await page.getByLabel('Status').selectOption('partially_refunded');
  await expect(page).toHaveURL(/status=partially_refunded/);
  await expect(row).toHaveCount(1);
  await page.getByLabel('Method').selectOption('card');
  await expect(page).toHaveURL(/method=card/);
  await expect(page.getByText('No transactions match these filters')).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/status=partially_refunded$/);
  await expect(row).toHaveCount(1);
  await page.getByRole('link', { name: 'Clear filters' }).first().click();
  await expect(page).toHaveURL(/\?mode=test$/);

  for (const [q, found] of [[paymentId, 1], [c.gatewayOrderId, 1], [orderId, 1], [merchant.email.toUpperCase(), 1], ['pay_nothing', 0]] as const) {
    await page.getByLabel('Search').fill(q);
    await page.getByLabel('Search').press('Enter');
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(q).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    if (found) await expect(row).toHaveCount(1);
    else await expect(page.getByText('No transactions match these filters')).toBeVisible();
  }
  await page.getByRole('link', { name: 'Clear filters' }).first().click();
  await expect(page).toHaveURL(/\?mode=test$/);

  const today = new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10);
  await page.getByLabel('From (IST)').fill(today);
  await page.getByLabel('To (IST)').fill(today);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${today}&to=${today}`));
  await expect(row).toHaveCount(1);
  await page.goto(`/apps/${c.appId}/transactions?from=2001-01-01&to=2001-01-31`);
  await expect(page.getByText('No transactions match these filters')).toBeVisible();

  // A bad parameter in a link is left out and named, never an error page.
  await page.goto(`/apps/${c.appId}/transactions?status=settled&q=${'x'.repeat(300)}&cursor=bogus`);
  await expect(page.getByText('Part of this link was ignored')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'ignored' })).toContainText('status must be one of');
  await expect(row).toHaveCount(1);
  await expectAccessible(page);

  // The CSV of the view, mode included.
  await page.goto(`/apps/${c.appId}/transactions?status=partially_refunded`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^kspay-${c.appId}-test-transactions-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^Order ID,Mode,Status,Amount,Refunded,Currency,Gateway,Gateway order ID,Method,Customer email/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`${orderId},Test,PARTIALLY REFUNDED,1.00,0.50,INR,Razorpay,${c.gatewayOrderId},UPI,${merchant.email},`);

  // Live mode has nothing yet, and says so.
  await page.getByRole('navigation', { name: 'Mode' }).getByRole('link', { name: 'Live' }).click();
  await expect(page).toHaveURL(/mode=live/);
  await expect(page.getByText('No transactions match these filters')).toBeVisible();
  await page.getByRole('link', { name: 'Clear filters' }).first().click();
  await expect(page.getByText('No live transactions yet')).toBeVisible();
});

test('Sync with gateway repairs an order whose webhooks never arrived', async ({ page, merchant }) => {
  test.setTimeout(120_000);
  // The sandbox's webhooks go to a port where nothing listens.
  const c = await connectRazorpay(page, merchant.email, (url) => url.replace(/^http:\/\/localhost:\d+/, 'http://127.0.0.1:9'));
  await sandbox(page.request, '/__sandbox/payments', {
    gateway: 'razorpay', order_id: c.gatewayOrderId, outcome: 'captured', method: 'upi', delivery: { wait: true },
  });
  const deliveries = await (await page.request.get(`${SANDBOX_URL}/__sandbox/deliveries?order_id=${c.gatewayOrderId}`)).json();
  expect(JSON.stringify(deliveries)).toContain('"ok":false');

  await page.goto(`/apps/${c.appId}/transactions`);
  const row = page.getByRole('row').filter({ hasText: 'Razorpay' });
  await expect(row.getByText('CREATED', { exact: true })).toBeVisible();
  await row.getByRole('link').click();
  await expect(page.getByTestId('order-status')).toHaveText('CREATED');
  await expect(page.getByText('No webhook has named this order yet')).toBeVisible();

  await page.getByRole('button', { name: 'Sync with gateway' }).click();
  await expect(page.getByText('Synced with Razorpay: CREATED → PAID (1 update applied).')).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText('PAID');
  const entry = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: 'sync.payment' });
  await expect(entry).toContainText('Applied');
  await expect(entry).toContainText('Sync');
  await expect(page.getByRole('list', { name: 'Payments' })).toContainText('Captured');
  await expectAccessible(page);

  // Again: nothing newer, and the timeline records the stale answer.
  await page.getByRole('button', { name: 'Sync with gateway' }).click();
  await expect(page.getByText('Already up to date: Razorpay reports nothing newer. The order is PAID.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: 'Stale' })).toHaveCount(1, LIVE);

  // The dark theme reads as well: badges, timeline and table.
  await page.getByRole('button', { name: 'Toggle theme' }).click();
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Transactions' }).first().click();
  await expect(row.getByText('PAID', { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test('malformed and other merchants’ order ids are the not-found page; empty states point to the wizard', async ({ page, merchant, browser }) => {
  test.setTimeout(120_000);
  const c = await connectRazorpay(page, merchant.email);
  await page.goto(`/apps/${c.appId}/transactions`);
  const orderUrl = await page.getByRole('row').filter({ hasText: 'Razorpay' }).getByRole('link').getAttribute('href');

  for (const path of ['ord_nope', 'ord_0000000000000000', '%00', `${orderUrl!.split('/').pop()}x`]) {
    const response = await page.goto(`/apps/${c.appId}/transactions/${path}`);
    expect(response?.status()).toBe(404);
  }

  // Another merchant: their app and the same order are not found, and their own empty page helps.
  const context = await browser.newContext();
  const other = await context.newPage();
  const { signUp, createAppViaUi } = await import('./fixtures');
  await signUp(other);
  expect((await other.goto(orderUrl!))?.status()).toBe(404);
  expect((await other.goto(`/apps/${c.appId}/transactions`))?.status()).toBe(404);
  const theirs = await createAppViaUi(other, { name: 'Empty Shop', email: 'empty@example.com', country: 'India' });
  await other.goto(`/apps/${theirs}/transactions`);
  await expect(other.getByText('No payment gateway connected yet')).toBeVisible();
  await expect(other.getByRole('link', { name: 'Connect a payment gateway' })).toHaveAttribute('href', `/apps/${theirs}/settings/payment-gateway`);
  await expectAccessible(other);
  await context.close();
});

test('mobile: the list is cards, the filters and the order stay usable', async ({ page, merchant }, testInfo) => {
  test.setTimeout(120_000);
  const c = await connectRazorpay(page, merchant.email);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/apps/${c.appId}/transactions`);
  const cards = page.getByRole('list', { name: 'Transactions' });
  await expect(cards.getByRole('listitem')).toHaveCount(1);
  await expect(cards).toContainText('CREATED');
  await expect(page.getByRole('table')).toBeHidden();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // The filters fold away on a phone; the search stays.
  await expect(page.getByLabel('Status')).toBeHidden();
  await expect(page.getByLabel('Search')).toBeVisible();
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByLabel('Status').selectOption('created');
  await expect(page).toHaveURL(/status=created/);
  await expect(cards.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Filters (1)' })).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page);
  await snapshot(page, testInfo, 'transactions-mobile');

  await page.getByRole('button', { name: 'Open menu' }).click();
  await expect(page.getByRole('dialog').getByRole('link', { name: 'Transactions' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('dialog').getByRole('link', { name: 'Webhook events' })).toBeVisible();
  await page.keyboard.press('Escape');

  await cards.getByRole('link').click();
  await expect(page.getByRole('button', { name: 'Sync with gateway' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await snapshot(page, testInfo, 'order-mobile');
});
