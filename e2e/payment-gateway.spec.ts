import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { CASHFREE, createOrder, markDone, openWizard, RAZORPAY, SANDBOX_URL, snapshot, step, submitCredentials } from './wizard';

test('Razorpay: all four steps with the sandbox account', async ({ page, merchant }, testInfo) => {
  const appId = await openWizard(page, merchant.email);
  await expectAccessible(page);
  await snapshot(page, testInfo, '0-not-started');

  // A bad key id is refused next to the field, and nothing is saved.
  const credentials = step(page, '1. Credentials');
  await credentials.getByLabel('Key ID').fill('key_123');
  await credentials.getByRole('button', { name: 'Submit' }).click();
  await expect(credentials.getByText(/starts with rzp_test_ or rzp_live_/).last()).toBeVisible();
  await expect(credentials.getByText('Choose at least one payment mode')).toBeVisible();
  await expect(credentials.getByText('Enter the Key Secret')).toBeVisible();
  await expectAccessible(page);

  await submitCredentials(page, { keyId: RAZORPAY.keyId, secret: RAZORPAY.secret, modes: ['UPI', 'Credit Card'] });
  await expect(credentials.getByText('•••• 0001')).toBeVisible();
  await expect(credentials.getByLabel('Key ID')).toHaveValue(RAZORPAY.keyId);
  await snapshot(page, testInfo, '1-credentials-submitted');

  const webhook = step(page, '2. Webhook');
  await expect(webhook).toContainText(`/api/webhooks/razorpay/whe_`);
  await expect(webhook.getByTestId('webhook-secret')).not.toContainText('whsec_');
  await webhook.getByRole('button', { name: 'Reveal' }).click();
  await expect(webhook.getByTestId('webhook-secret')).toContainText('whsec_');
  await expect(webhook).toContainText('payment.captured');
  await expect(webhook).toContainText('No events yet');
  // What the merchant does in the Razorpay dashboard: paste our URL and secret.
  const url = (await webhook.locator('code').first().textContent())!.trim();
  const secret = (await webhook.getByTestId('webhook-secret').textContent())!.trim();
  const configured = await page.request.post(`${SANDBOX_URL}/__sandbox/razorpay/webhooks`, {
    data: { key_id: RAZORPAY.keyId, url, secret, events: ['payment.captured', 'payment.failed', 'order.paid'] },
  });
  expect(configured.ok()).toBe(true);
  await markDone(page, '2. Webhook');
  await markDone(page, '3. NPM Integration');
  await snapshot(page, testInfo, '2-ready-to-verify');

  await createOrder(page);
  const toast = page.getByText(/Verified: test order order_/);
  await expect(toast).toBeVisible();
  const orderId = (await toast.textContent())!.match(/order_[0-9A-Za-z]+/)![0];
  await expect(step(page, 'Create Order')).toContainText('Steps 1–3 verified');
  for (const name of ['1. Credentials', '2. Webhook', '3. NPM Integration']) {
    await expect(step(page, name).getByText('Verified', { exact: true })).toBeVisible();
  }
  await expectAccessible(page);
  await snapshot(page, testInfo, '3-verified');

  // A customer pays the test order: the sandbox delivers signed webhooks to our URL.
  const paid = await page.request.post(`${SANDBOX_URL}/__sandbox/payments`, {
    data: { gateway: 'razorpay', order_id: orderId, outcome: 'captured', method: 'upi', delivery: { wait: true } },
  });
  expect(paid.ok()).toBe(true);
  await expect(async () => {
    await page.reload();
    await expect(step(page, '2. Webhook')).toContainText('Receiving events', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  const security = step(page, '4. Security');
  await security.getByRole('button', { name: 'Generate API keys' }).click();
  const secretKey = (await security.getByTestId('new-secret-key').textContent())!.trim();
  expect(secretKey).toMatch(/^sk_test_[0-9A-Za-z]{32,}$/);
  await expect(security).toContainText('pk_test_');
  // The step's badge and the stepper follow the keys at once, without a reload.
  await expect(security.getByText('Done', { exact: true })).toBeVisible();
  const stepper = page.getByRole('list', { name: 'Payment gateway steps' });
  await expect(stepper.getByRole('listitem').filter({ hasText: 'Security' })).toContainText('Done');
  await snapshot(page, testInfo, '4-keys-issued');
  await page.reload();
  await expect(step(page, '4. Security')).toContainText('pk_test_');
  await expect(step(page, '4. Security').getByTestId('new-secret-key')).toHaveCount(0);
  expect(await page.content()).not.toContain(secretKey);
  await expectAccessible(page);
  await snapshot(page, testInfo, '5-keys-after-reload');

  await page.goto(`/apps/${appId}`);
  const checklist = page.getByRole('list', { name: 'Payment gateway steps' });
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Credentials' })).toContainText('Verified');
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Security' })).toContainText('Done');

  await page.goto(`/apps/${appId}/settings/activity`);
  await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible();
  await expect(page.locator('main')).not.toContainText(RAZORPAY.secret);
  await expectAccessible(page);
});

test('Cashfree: the webhook step is not required', async ({ page, merchant }, testInfo) => {
  await openWizard(page, merchant.email);
  await submitCredentials(page, { gateway: 'Cashfree', keyId: CASHFREE.keyId, secret: CASHFREE.secret, modes: ['Wallet'] });
  const webhook = step(page, '2. Webhook');
  await expect(webhook.getByText('Not required', { exact: true })).toBeVisible();
  await expect(webhook).toContainText('notify_url');
  await markDone(page, '3. NPM Integration');
  await createOrder(page);
  await expect(step(page, 'Create Order')).toContainText('Steps 1–3 verified');
  await expect(step(page, '1. Credentials').getByText('Verified', { exact: true })).toBeVisible();
  await snapshot(page, testInfo, 'cashfree-verified');
  // Keys right after the test order, with no reload in between: the badges follow at once.
  const security = step(page, '4. Security');
  await security.getByRole('button', { name: 'Generate API keys' }).click();
  await expect(security).toContainText('pk_test_');
  await expect(security.getByText('Done', { exact: true })).toBeVisible();
  const stepper = page.getByRole('list', { name: 'Payment gateway steps' });
  await expect(stepper.getByRole('listitem').filter({ hasText: 'Security' })).toContainText('Done');
});

test('wrong secret: attempt 1 fails in plain words, re-entering grants attempt 2', async ({ page, merchant }, testInfo) => {
  await openWizard(page, merchant.email);
  await submitCredentials(page, { keyId: RAZORPAY.keyId, secret: 'wrongSecretKsPay00000000', modes: ['UPI'] });
  await markDone(page, '2. Webhook');
  await markDone(page, '3. NPM Integration');
  await createOrder(page);
  const verify = step(page, 'Create Order');
  await expect(verify.getByText('The test order failed')).toBeVisible();
  await expect(verify).toContainText(/Key ID|key/);
  await expect(step(page, '1. Credentials').getByText('Failed', { exact: true })).toBeVisible();
  await expect(verify.getByRole('button', { name: 'Create Order' })).toBeDisabled();
  await expect(step(page, '1. Credentials').getByLabel('Key Secret')).toHaveValue('');
  await expectAccessible(page);
  await snapshot(page, testInfo, 'attempt-1-failed');

  await submitCredentials(page, { secret: RAZORPAY.secret });
  await expect(verify.getByTestId('attempts-left')).toContainText('1 of 2 attempts available');
  await createOrder(page);
  await expect(verify).toContainText('Steps 1–3 verified');
});

test('wrong twice locks the gateway; Reset starts over', async ({ page, merchant }, testInfo) => {
  await openWizard(page, merchant.email);
  await submitCredentials(page, { keyId: RAZORPAY.keyId, secret: 'wrongSecretKsPay00000000', modes: ['UPI'] });
  await markDone(page, '2. Webhook');
  await markDone(page, '3. NPM Integration');
  await createOrder(page);
  await expect(step(page, 'Create Order').getByText('The test order failed')).toBeVisible();
  await submitCredentials(page, { secret: 'wrongSecretKsPay00000002' });
  await createOrder(page);
  const verify = step(page, 'Create Order');
  await expect(verify.getByText('Locked: both attempts failed')).toBeVisible();
  await expect(step(page, '1. Credentials').getByText('Locked', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, 'locked');

  await verify.getByRole('button', { name: 'Reset gateway' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset the payment gateway?' });
  await dialog.getByLabel('Confirmation').fill('RESET');
  await dialog.getByRole('button', { name: 'Reset gateway' }).click();
  await expect(step(page, '1. Credentials').getByText('Not started', { exact: true })).toBeVisible();

  await submitCredentials(page, { keyId: RAZORPAY.keyId, secret: RAZORPAY.secret, modes: ['UPI'] });
  await markDone(page, '2. Webhook');
  await markDone(page, '3. NPM Integration');
  await createOrder(page);
  await expect(verify).toContainText('Steps 1–3 verified');
});
