import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { createOrder, markDone, openWizard, RAZORPAY, step, submitCredentials } from './wizard';

test('docs page renders publicly and is accessible', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto('/docs/npm-integration');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'NPM Integration', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await context.close();
});

test('the API reference renders every endpoint from the OpenAPI document, accessibly', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  expect((await page.goto('/docs/api'))?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'API reference', level: 1 })).toBeVisible();
  for (const path of ['/api/v1/orders', '/api/v1/orders/{id}', '/api/v1/orders/{id}/payments', '/api/v1/payments/verify']) {
    await expect(page.getByRole('heading', { level: 3 }).filter({ hasText: path }).first()).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'CreateOrder', level: 3 })).toBeVisible();
  await expectAccessible(page);
  const spec = await page.request.get('/api/v1/openapi.json');
  expect(spec.status()).toBe(200);
  expect((await spec.json()).openapi).toBe('3.1.0');
  await context.close();
});

test('Security before and after verification, HTTP refusals, and the Activity log', async ({ page, merchant }) => {
  const appId = await openWizard(page, merchant.email);
  await expect(step(page, '4. Security')).toContainText('Available once');
  await page.goto(`/apps/${appId}/settings/activity`);
  await expect(page.getByText('No activity yet')).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/apps/${appId}/settings/payment-gateway`);
  await submitCredentials(page, { keyId: RAZORPAY.keyId, secret: RAZORPAY.secret, modes: ['UPI'] });
  await markDone(page, '2. Webhook');
  await markDone(page, '3. NPM Integration');
  await createOrder(page);
  await expect(step(page, 'Create Order')).toContainText('Steps 1–3 verified');
  const security = step(page, '4. Security');
  await security.getByRole('button', { name: 'Generate API keys' }).click();
  await expect(security.getByTestId('new-secret-key')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your new secret key' })).toBeFocused();
  await expect(security.getByRole('group', { name: 'Public API Key' })).toContainText('pk_test_');
  await expect(security.getByRole('group', { name: 'Secret API Key' })).toContainText('sk_test_');
  await expectAccessible(page);

  // Download
  const download = page.waitForEvent('download');
  await security.getByRole('button', { name: 'Download .env' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`kspay-${appId}-test.env`);

  await security.getByRole('button', { name: 'I’ve saved it' }).click();
  await expect(security.getByTestId('new-secret-key')).toHaveCount(0);

  // Roll dialog open state accessible
  await security.getByRole('button', { name: 'Roll secret key' }).click();
  await expectAccessible(page);
  const roll = page.getByRole('dialog');
  await roll.getByRole('combobox').click();
  await page.getByRole('option', { name: '1 hour' }).click();
  await roll.getByRole('button', { name: 'Roll secret key' }).click();
  await expect(roll).toBeHidden();
  await expect(security.getByTestId('new-secret-key')).toBeVisible();

  // Generate again via API: 409; roll with bad overlap: 400; bad origin: 403
  const origin = new URL(page.url()).origin;
  const again = await page.request.post(`/api/apps/${appId}/api-keys`, { headers: { origin } });
  expect(again.status()).toBe(409);
  expect(again.headers()['cache-control']).toBe('no-store');
  const bad = await page.request.post(`/api/apps/${appId}/api-keys/roll`, { headers: { origin }, data: { overlap: '2y' } });
  expect(bad.status()).toBe(400);
  const cross = await page.request.post(`/api/apps/${appId}/api-keys/roll`, { headers: { origin: 'https://evil.example' }, data: { overlap: '1h' } });
  expect(cross.status()).toBe(403);
  const noOrigin = await page.request.post(`/api/apps/${appId}/api-keys/roll`, { data: { overlap: '1h' } });
  expect(noOrigin.status()).toBe(403);
  const badId = await page.request.post(`/api/apps/${appId}/api-keys/nope/revoke`, { headers: { origin } });
  expect(badId.status()).toBe(404);

  await page.reload();
  await step(page, '4. Security').getByRole('button', { name: 'Revoke' }).first().click();
  await expectAccessible(page);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(step(page, '4. Security')).toContainText(/Revoked/i);

  await page.goto(`/apps/${appId}/settings/activity`);
  await expect(page.getByRole('cell', { name: 'Secret key revoked' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'API keys generated' })).toBeVisible();
  await expectAccessible(page);
});
