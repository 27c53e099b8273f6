import { expect, type Page, type TestInfo } from '@playwright/test';
import { createAppViaUi } from './fixtures';

export const RAZORPAY = { keyId: 'rzp_test_KsPaySandbox01', secret: 'sandboxSecretKsPay000001' };
export const CASHFREE = {
  keyId: 'TEST10a1b2c3d4e5f60718293a4b5c6d7e8f',
  secret: 'cfsk_ma_test_0f1e2d3c4b5a69788796a5b4c3d2e1f0_5a6b7c8d',
};

/** The gateway sandbox the app under test talks to (see playwright.config.ts). */
export const SANDBOX_URL = `http://localhost:${process.env.E2E_SANDBOX_PORT ?? 4110}`;

export const step = (page: Page, name: string) => page.getByRole('region', { name });

/** A new app, with the Payment Gateway page open. */
export async function openWizard(page: Page, email: string) {
  const appId = await createAppViaUi(page, { name: 'Gateway Shop', email, country: 'India' });
  await page.goto(`/apps/${appId}/settings/payment-gateway`);
  await expect(page.getByRole('heading', { name: '1. Credentials' })).toBeVisible();
  return appId;
}

export async function submitCredentials(
  page: Page,
  creds: { gateway?: 'Razorpay' | 'Cashfree'; keyId?: string; secret: string; modes?: string[] },
) {
  const form = step(page, '1. Credentials');
  if (creds.gateway) await form.getByRole('radio', { name: creds.gateway }).check();
  const isCashfree = creds.gateway === 'Cashfree';
  if (creds.keyId) await form.getByLabel(isCashfree ? 'Client ID' : 'Key ID').fill(creds.keyId);
  await form.getByLabel(isCashfree ? 'Client Secret' : 'Key Secret').fill(creds.secret);
  for (const mode of creds.modes ?? []) await form.getByRole('checkbox', { name: mode }).check();
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Credentials saved').last()).toBeVisible();
  await expect(form.getByText('Submitted').first()).toBeVisible();
}

export async function markDone(page: Page, name: '2. Webhook' | '3. NPM Integration') {
  await step(page, name).getByRole('button', { name: 'Mark as done' }).click();
  await expect(step(page, name).getByRole('button', { name: 'Marked as done' })).toBeVisible();
}

export async function createOrder(page: Page) {
  await step(page, 'Create Order').getByRole('button', { name: 'Create Order' }).click();
}

/** Saves a full-page screenshot of a wizard state under test-results/ and prints its file name. */
export async function snapshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`wizard-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${path}`);
}

/** A fresh sandbox Razorpay account, so no other test shares its webhook config. */
export async function newSandboxAccount(page: Page) {
  const response = await page.request.post(`${SANDBOX_URL}/__sandbox/accounts`, { data: { gateway: 'razorpay' } });
  expect(response.ok()).toBe(true);
  const account = await response.json();
  return { keyId: account.key_id as string, secret: account.key_secret as string };
}

/** The Webhook step's URL and its revealed secret. */
export async function revealWebhook(page: Page) {
  const webhook = step(page, '2. Webhook');
  await webhook.getByRole('button', { name: 'Reveal' }).click();
  await expect(webhook.getByTestId('webhook-secret')).toContainText('whsec_');
  const url = (await webhook.locator('code').first().textContent())!.trim();
  const secret = (await webhook.getByTestId('webhook-secret').textContent())!.trim();
  return { url, secret };
}

/**
 * A fresh sandbox Razorpay account taken through the wizard to verified. The sandbox's webhooks go
 * to `deliverTo(url)`: the URL the Webhook step shows, or somewhere else.
 */
export async function connectRazorpay(page: Page, email: string, deliverTo: (url: string) => string = (url) => url) {
  const account = await newSandboxAccount(page);
  const appId = await openWizard(page, email);
  await submitCredentials(page, { keyId: account.keyId, secret: account.secret, modes: ['UPI'] });
  const webhook = await revealWebhook(page);
  const configured = await page.request.post(`${SANDBOX_URL}/__sandbox/razorpay/webhooks`, {
    data: { key_id: account.keyId, url: deliverTo(webhook.url), secret: webhook.secret, events: ['payment.captured', 'payment.failed', 'order.paid', 'refund.processed'] },
  });
  expect(configured.ok()).toBe(true);
  await markDone(page, '2. Webhook');
  await markDone(page, '3. NPM Integration');
  await createOrder(page);
  const toast = page.getByText(/Verified: test order order_/);
  await expect(toast).toBeVisible();
  const gatewayOrderId = (await toast.textContent())!.match(/order_[0-9A-Za-z]+/)![0];
  return { appId, account, gatewayOrderId, webhookUrl: webhook.url, webhookSecret: webhook.secret };
}
