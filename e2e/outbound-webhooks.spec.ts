import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { expectAccessible } from './axe';
import { createAppViaUi, expect, test } from './fixtures';
import { connectRazorpay, SANDBOX_URL } from './wizard';

// The merchant's backend, told by KS Pay: an endpoint made in Settings → Webhooks to your server
// receives a real sandbox payment's `order.paid`, signed; then the receiver fails, the retries
// show on the endpoint's page and the Overview, and Resend delivers once it answers 200 again.

const LIVE = { timeout: 20_000 };

type Request = { headers: IncomingHttpHeaders; body: string };

/** The merchant's server: records every request and answers `status`. */
async function startReceiver() {
  const requests: Request[] = [];
  const state = { status: 200 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(state.status, { 'content-type': 'text/html' }).end(state.status === 200 ? 'ok' : '<h1>Receiver broke</h1>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/kspay`,
    requests,
    answer: (status: number) => (state.status = status),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The Standard Webhooks reference library's check (not our signing code). */
function signedWith(secret: string, request: Request) {
  try {
    new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
    return true;
  } catch {
    return false;
  }
}

const deliveryRow = (page: Page, type: string) => page.getByRole('region', { name: 'Deliveries' }).getByRole('row').filter({ hasText: type });

test('an endpoint receives a signed order.paid; a failing receiver shows retries and the health panel; Resend delivers', async ({ page, merchant }, testInfo) => {
  test.setTimeout(180_000);
  const receiver = await startReceiver();
  try {
    const { appId, gatewayOrderId } = await connectRazorpay(page, merchant.email);

    await page.goto(`/apps/${appId}/settings`);
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Webhooks to your server' }).click();
    await expect(page).toHaveURL(`/apps/${appId}/settings/webhooks`);
    await expect(page.getByRole('navigation', { name: 'Mode' }).getByRole('link', { name: 'Test' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText('No test endpoints yet')).toBeVisible();
    await expectAccessible(page);

    // Add endpoint: a bad URL is a field error from the server, what was typed stays.
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add endpoint' });
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(dialog.getByText('Choose at least one event')).toBeVisible();
    await dialog.getByRole('checkbox', { name: 'order.paid' }).check();
    await dialog.getByLabel('Endpoint URL').fill('ftp://example.com/hooks');
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(dialog.getByLabel('Endpoint URL')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByText('The URL must start with https://.')).toBeVisible();
    await expect(dialog.getByLabel('Endpoint URL')).toHaveValue('ftp://example.com/hooks');
    await dialog.getByLabel('Endpoint URL').fill(receiver.url);
    await dialog.getByLabel('Description (optional)').fill('Fulfilment server');
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    // The secret, once, with its warning.
    await expect(dialog.getByText('Copy it now: it is shown once.')).toBeVisible();
    const secret = (await dialog.getByTestId('new-webhook-secret').textContent())!.trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await expect(dialog.getByRole('button', { name: 'Copy signing secret' })).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'I’ve saved it' }).click();
    await expect(dialog).toBeHidden();

    const row = page.getByRole('region', { name: 'Endpoints' }).getByRole('row').filter({ hasText: receiver.url });
    await expect(row).toContainText('Enabled');
    await expect(row).toContainText('order.paid');
    await expect(row).toContainText('Fulfilment server');
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath('endpoints.png'), fullPage: true });
    await row.getByRole('link', { name: receiver.url }).click();
    await expect(page).toHaveURL(new RegExp(`/apps/${appId}/settings/webhooks/we_[0-9A-Za-z]{24}$`));
    const endpointUrl = page.url();
    await expect(page.getByRole('heading', { name: receiver.url })).toBeVisible();
    await expect(page.getByText('No deliveries yet')).toBeVisible();
    // Masked until Reveal, which is a server action and audited.
    await expect(page.getByTestId('endpoint-secret')).not.toContainText(secret);
    expect(await page.content()).not.toContain(secret);
    await page.getByRole('button', { name: 'Reveal' }).click();
    await expect(page.getByTestId('endpoint-secret')).toHaveText(secret);
    await page.getByRole('button', { name: 'Hide' }).click();
    await expectAccessible(page);

    // A customer pays: the sandbox's webhook moves the order to PAID, which queues order.paid.
    const paid = await page.request.post(`${SANDBOX_URL}/__sandbox/payments`, {
      data: { gateway: 'razorpay', order_id: gatewayOrderId, outcome: 'captured', method: 'upi', delivery: { wait: true } },
    });
    expect(paid.ok()).toBe(true);
    const orderPaid = deliveryRow(page, 'order.paid');
    await expect(orderPaid).toContainText('Succeeded', LIVE);
    await expect(orderPaid).toContainText('Last answer: 200');
    const first = receiver.requests.find((r) => JSON.parse(r.body).type === 'order.paid')!;
    expect(first.headers['webhook-id']).toMatch(/^evt_[0-9A-Za-z]{24}$/);
    expect(first.headers['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(signedWith(secret, first)).toBe(true);
    expect(JSON.parse(first.body)).toMatchObject({ id: first.headers['webhook-id'], type: 'order.paid', mode: 'test', data: { object: expect.any(Object) } });
    // Only what it subscribed to: no payment.captured.
    expect(receiver.requests.filter((r) => JSON.parse(r.body).type !== 'order.paid')).toEqual([]);

    // The receiver breaks; a test event is retried on the (compressed) schedule, then fails for good.
    receiver.answer(500);
    await page.getByRole('button', { name: 'Send test event' }).click();
    const testRow = deliveryRow(page, 'webhook.test');
    await expect(testRow).toContainText('Pending', LIVE);
    await expect(testRow).toContainText(/Next retry at .* · Last answer: 500/, LIVE);
    await expect(testRow).toContainText('Failed', LIVE);
    await expect(testRow.getByRole('cell').nth(3)).toHaveText('5');
    const testId = (await testRow.getAttribute('data-event-id'))!;
    expect(receiver.requests.filter((r) => r.headers['webhook-id'] === testId)).toHaveLength(5);

    // The Overview's health panel names it, with a link to its page.
    await page.goto(`/apps/${appId}`);
    const health = page.locator('[data-slot="card"]').filter({ has: page.getByRole('heading', { name: 'Webhooks to your server' }) });
    await expect(health).toContainText('Failing');
    await expect(health).toContainText(/Failing since/);
    await expectAccessible(page);
    await health.screenshot({ path: testInfo.outputPath('overview-health.png') });
    await health.getByRole('link', { name: receiver.url }).click();
    await expect(page).toHaveURL(endpointUrl);

    // Its detail: each attempt's answer as text, never HTML.
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Failed' }).click();
    await expect(page).toHaveURL(/status=failed/);
    await expect(page.getByRole('region', { name: 'Deliveries' }).getByRole('row')).toHaveCount(2);
    await testRow.getByRole('button', { name: /^Details/ }).click();
    const sheet = page.getByRole('dialog', { name: 'Delivery' });
    await expect(sheet.getByTestId('delivery-status')).toContainText('Failed');
    const attempts = sheet.getByRole('list', { name: 'Attempts' }).getByRole('listitem');
    await expect(attempts).toHaveCount(5);
    await expect(attempts.first().getByTestId('attempt-response-status')).toHaveText('500');
    await expect(attempts.first().getByLabel(/^Response body of attempt 5/)).toHaveText('<h1>Receiver broke</h1>');
    await expect(sheet.getByRole('heading', { name: 'Receiver broke' })).toHaveCount(0);
    await attempts.first().getByText('Request headers').click();
    await expect(attempts.first()).toContainText(`webhook-id${testId}`);
    await expect(sheet.getByLabel('Event body as sent')).toContainText('"type": "webhook.test"');
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath('delivery.png'), fullPage: true });

    // Back up; Resend delivers the same event (same webhook-id) and the endpoint is healthy again.
    receiver.answer(200);
    await sheet.getByRole('button', { name: 'Resend' }).click();
    await expect(sheet.getByTestId('delivery-status')).toContainText('Succeeded', LIVE);
    await expect(attempts).toHaveCount(6);
    await expect(attempts.first().getByTestId('attempt-response-status')).toHaveText('200');
    const resent = receiver.requests.filter((r) => r.headers['webhook-id'] === testId);
    expect(resent).toHaveLength(6);
    expect(signedWith(secret, resent.at(-1)!)).toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.getByText('No deliveries match these filters.')).toBeVisible(LIVE);
    await expect(page.getByTestId('endpoint-status').first()).toHaveText('Enabled');

    // Rotate with an overlap: the new secret once, and both sign the next request.
    await page.getByRole('button', { name: 'Rotate' }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate the signing secret' });
    await rotate.getByRole('combobox').click();
    await page.getByRole('option', { name: '1 hour' }).click();
    await rotate.getByRole('button', { name: 'Rotate secret' }).click();
    const rotated = (await page.getByTestId('new-webhook-secret').textContent())!.trim();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.getByRole('button', { name: 'Send test event' }).click();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(deliveryRow(page, 'webhook.test')).toHaveCount(2, LIVE);
    await expect(deliveryRow(page, 'webhook.test').first()).toContainText('Succeeded', LIVE);
    const last = receiver.requests.at(-1)!;
    expect(String(last.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(signedWith(rotated, last) && signedWith(secret, last)).toBe(true);
    await page.screenshot({ path: testInfo.outputPath('endpoint.png'), fullPage: true });

    // Recover: another failure, then every failed event since a time is queued again.
    receiver.answer(500);
    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect(deliveryRow(page, 'webhook.test')).toHaveCount(3, LIVE);
    await expect(deliveryRow(page, 'webhook.test').first()).toContainText('Failed', LIVE);
    receiver.answer(200);
    await page.getByRole('button', { name: 'Recover failed events' }).click();
    const recover = page.getByRole('dialog', { name: 'Recover failed events' });
    const since = recover.getByLabel('Failed since (your local time)');
    await expect(since).not.toHaveValue('');
    await since.fill('2099-01-01T00:00');
    await recover.getByRole('button', { name: 'Recover' }).click();
    await expect(recover.getByText('Choose a time in the past')).toBeVisible();
    await since.fill('2020-01-01T00:00');
    await recover.getByRole('button', { name: 'Recover' }).click();
    await expect(page.getByText('1 failed event queued again')).toBeVisible();
    await expect(deliveryRow(page, 'webhook.test').first()).toContainText('Succeeded', LIVE);
    await expect(deliveryRow(page, 'webhook.test').first().getByRole('cell').nth(3)).toHaveText('6');

    // Every change is on the Activity log.
    await page.goto(`/apps/${appId}/settings/activity`);
    for (const action of ['Webhook endpoint added', 'Webhook endpoint secret revealed', 'Webhook endpoint secret rotated', 'Failed webhook events recovered']) {
      await expect(page.getByRole('cell', { name: action })).toBeVisible();
    }
  } finally {
    await receiver.close();
  }
});

test('Disable, Edit and Delete an endpoint from the list', async ({ page, merchant }) => {
  const appId = await createAppViaUi(page, { name: 'Hooks Shop', email: merchant.email, country: 'India' });
  await page.goto(`/apps/${appId}/settings/webhooks?mode=live`);
  await expect(page.getByText('No live endpoints yet')).toBeVisible();
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add endpoint' });
  // Live endpoints: https only.
  await dialog.getByLabel('Endpoint URL').fill('http://shop.example.com/hooks');
  await dialog.getByRole('checkbox', { name: 'All events' }).check();
  await expect(dialog.getByRole('checkbox', { name: 'order.refunded' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(dialog.getByText('Live endpoints must use https.', { exact: true })).toBeVisible();
  await dialog.getByLabel('Endpoint URL').fill('https://shop.example.com/hooks');
  await dialog.getByRole('button', { name: 'Add endpoint' }).click();
  await dialog.getByRole('button', { name: 'I’ve saved it' }).click();

  const row = page.getByRole('region', { name: 'Endpoints' }).getByRole('row').filter({ hasText: 'https://shop.example.com/hooks' });
  await expect(row).toContainText('All events');
  await row.getByRole('button', { name: 'Disable https://shop.example.com/hooks' }).click();
  await expect(row).toContainText('Disabled by you');

  await row.getByRole('button', { name: 'Edit https://shop.example.com/hooks' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit endpoint' });
  await expect(edit.getByRole('checkbox', { name: 'All events' })).toBeChecked();
  await edit.getByRole('checkbox', { name: 'All events' }).uncheck();
  await edit.getByRole('checkbox', { name: 'refund.processed' }).check();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('refund.processed');
  await expect(row).not.toContainText('All events');
  // The test mode list does not show it.
  await page.getByRole('navigation', { name: 'Mode' }).getByRole('link', { name: 'Test' }).click();
  await expect(page.getByText('No test endpoints yet')).toBeVisible();
  await page.getByRole('navigation', { name: 'Mode' }).getByRole('link', { name: 'Live' }).click();

  await row.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this endpoint?' });
  await expect(confirm.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await confirm.getByLabel('Confirmation').fill('DELETE');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No live endpoints yet')).toBeVisible();

  // A missing endpoint's page is a 404, as is a malformed id.
  expect((await page.goto(`/apps/${appId}/settings/webhooks/we_000000000000000000000000`))?.status()).toBe(404);
  expect((await page.goto(`/apps/${appId}/settings/webhooks/nope`))?.status()).toBe(404);
});
