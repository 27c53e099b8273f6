import type { Response } from '@playwright/test';
import { expect, signUp, test } from './fixtures';
import { createOrder, markDone, openWizard, RAZORPAY, step, submitCredentials } from './wizard';

test('no page, RSC payload or JSON response carries a saved secret', async ({ page, merchant }) => {
  const bodies: { url: string; method: string; body: string }[] = [];
  const record = async (response: Response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!/html|json|x-component|text\/plain/.test(type)) return;
    const body = await response.text().catch(() => '');
    bodies.push({ url: response.url(), method: response.request().method(), body });
  };
  page.on('response', record);

  const appId = await openWizard(page, merchant.email);
  await submitCredentials(page, { keyId: RAZORPAY.keyId, secret: RAZORPAY.secret, modes: ['UPI'] });
  await markDone(page, '2. Webhook');
  await markDone(page, '3. NPM Integration');
  await createOrder(page);
  await expect(step(page, 'Create Order')).toContainText('Steps 1–3 verified');
  await step(page, '4. Security').getByRole('button', { name: 'Generate API keys' }).click();
  const secretKey = (await step(page, '4. Security').getByTestId('new-secret-key').textContent())!.trim();
  await page.reload();
  await expect(step(page, '4. Security')).toContainText('pk_test_');

  const url = `/apps/${appId}/settings/payment-gateway`;
  for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
    const response = await page.request.get(url, { headers });
    expect(response.status()).toBe(200);
    bodies.push({ url, method: 'GET', body: await response.text() });
  }
  const keys = await page.request.get(`/api/apps/${appId}/api-keys`);
  expect(keys.status()).toBe(200);
  bodies.push({ url: keys.url(), method: 'GET', body: await keys.text() });
  page.off('response', record);

  await step(page, '2. Webhook').getByRole('button', { name: 'Reveal' }).click();
  const revealed = step(page, '2. Webhook').getByTestId('webhook-secret');
  await expect(revealed).toContainText('whsec_');
  const webhookSecret = (await revealed.textContent())!.trim();

  expect(bodies.length).toBeGreaterThan(10);
  const issued = bodies.filter((b) => b.body.includes(secretKey));
  expect(issued.map((b) => `${b.method} ${new URL(b.url).pathname}`)).toEqual([`POST /api/apps/${appId}/api-keys`]);
  for (const b of bodies) {
    expect(b.body, `${b.method} ${b.url}`).not.toContain(RAZORPAY.secret);
    expect(b.body, `${b.method} ${b.url}`).not.toContain(webhookSecret);
  }
});

test('another merchant gets 404 from every payment-gateway page and route', async ({ page, merchant, browser }) => {
  const appId = await openWizard(page, merchant.email);
  const context = await browser.newContext();
  const intruder = await context.newPage();
  await signUp(intruder);
  for (const path of [`/apps/${appId}/settings/payment-gateway`, `/apps/${appId}/settings/activity`]) {
    expect((await intruder.goto(path))?.status(), path).toBe(404);
  }
  expect((await intruder.request.get(`/api/apps/${appId}/api-keys`)).status()).toBe(404);
  const origin = new URL(intruder.url()).origin;
  const post = await intruder.request.post(`/api/apps/${appId}/api-keys`, { headers: { origin } });
  expect(post.status()).toBe(404);
  expect(await post.json()).toMatchObject({ error: { code: 'not_found' } });
  await context.close();

  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`/api/apps/${appId}/api-keys`)).status()).toBe(401);
  await anonymous.close();
});
