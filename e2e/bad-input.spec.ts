import { request as httpRequest } from 'node:http';
import { createAppViaUi, expect, test } from './fixtures';

// Probes of the production build: malformed ids, NUL bytes, control characters, unicode and wrong
// types get a 4xx with a reason (or the 404 page), never a 500, and change nothing.
test('malformed ids and NUL bytes in URLs name nothing: 404, never 500', async ({ page, merchant }) => {
  const appId = await createAppViaUi(page, { name: 'Probe Shop', email: merchant.email, country: 'India' });
  const api = page.request;
  const origin = new URL(page.url()).origin;
  const post = (path: string, data?: unknown) => api.post(path, { data, headers: { origin } });

  const webhook = (gateway: string, endpoint: string) =>
    post(`/api/webhooks/${gateway}/${endpoint}`, { event: 'payment.captured' });
  for (const endpoint of ['%00', 'whe_%00AAAAAAAAAAAAAAAAAAAAAAA', `whe_${'ä'.repeat(24)}`, 'whe_short', 'x'.repeat(2000), '%F0%9F%92%B8']) {
    const response = await webhook('razorpay', endpoint);
    expect(response.status(), endpoint).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  }
  expect((await webhook('paypal', 'whe_AAAAAAAAAAAAAAAAAAAAAAAA')).status()).toBe(404);

  for (const id of ['%00', `app_%00${'A'.repeat(15)}`, 'app_ÄÖÜäöüßçéàèùâêî', '..%2F..%2Fetc', `app_${'A'.repeat(500)}`]) {
    expect((await api.get(`/apps/${id}`)).status(), id).toBe(404);
    expect((await api.get(`/apps/${id}/settings/payment-gateway`)).status(), id).toBe(404);
    expect((await api.get(`/api/apps/${id}/api-keys`)).status(), id).toBe(404);
    expect((await post(`/api/apps/${id}/api-keys/roll`, { overlap: '24h' })).status(), id).toBe(404);
  }
  for (const keyId of ['%00', 'not-a-uuid', '00000000-0000-0000-0000-00000000000%00']) {
    expect((await post(`/api/apps/${appId}/api-keys/${keyId}/revoke`)).status(), keyId).toBe(404);
  }
});

/** Posts `total` bytes in 64 KB chunks, chunked (no Content-Length) unless `declare`; resolves with the status. */
function postBytes(url: string, total: number, declare: boolean) {
  return new Promise<{ status: number; sent: number }>((resolve, reject) => {
    let sent = 0;
    const req = httpRequest(url, { method: 'POST', headers: declare ? { 'content-length': String(total) } : {} }, (res) => {
      res.resume();
      resolve({ status: res.statusCode!, sent });
      req.destroy();
    });
    req.on('error', (error) => (sent > 0 ? resolve({ status: -1, sent }) : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

test('a webhook body over 1 MB is refused with 413, with or without Content-Length', async ({ baseURL }) => {
  const url = `${baseURL}/api/webhooks/razorpay/whe_AAAAAAAAAAAAAAAAAAAAAAAA`;
  expect((await postBytes(url, 2 * 1024 * 1024, true)).status).toBe(413);
  // Chunked and far larger than the cap: the server answers once it has read just past 1 MB.
  const chunked = await postBytes(url, 64 * 1024 * 1024, false);
  expect(chunked.status).toBe(413);
  expect(chunked.sent).toBeLessThan(64 * 1024 * 1024);
});

test('repeated and odd query parameters on the sign-in page are no 500', async ({ page, browser, merchant }) => {
  expect(merchant.email).toContain('@'); // `page` is signed in as this merchant
  const signedOut = await browser.newContext();
  for (const query of ['callbackUrl=/apps/a&callbackUrl=/apps/b', 'signedOut=everywhere&signedOut=x', 'callbackUrl=%00', 'callbackUrl=%ZZ']) {
    expect((await signedOut.request.get(`/login?${query}`)).status(), query).toBe(200);
    const signedIn = await page.request.get(`/login?${query}`, { maxRedirects: 0 });
    expect(signedIn.status(), query).toBe(307);
    expect(new URL(signedIn.headers().location!, page.url()).pathname, query).toBe('/apps');
  }
  await signedOut.close();
});

test('bad JSON bodies get a 400 with the reason', async ({ page, merchant }) => {
  const appId = await createAppViaUi(page, { name: 'Body Shop', email: merchant.email, country: 'India' });
  const origin = new URL(page.url()).origin;
  const roll = (data: string) =>
    page.request.post(`/api/apps/${appId}/api-keys/roll`, { data: Buffer.from(data), headers: { origin, 'content-type': 'application/json' } });
  const cases: [string, RegExp][] = [
    ['{"overlap":"\\u0000"}', /control or invalid characters/],
    ['{"overlap":"24h\\u0007"}', /control or invalid characters/],
    ['{"overlap":"\\ud800"}', /control or invalid characters/],
    ['{"overlap":24}', /overlap/],
    ['{"overlap":["24h"]}', /overlap/],
    ['{"overlap":', /must be JSON/],
  ];
  for (const [body, reason] of cases) {
    const response = await roll(body);
    expect(response.status(), body.slice(0, 40)).toBe(400);
    expect((await response.json()).error.message).toMatch(reason);
  }
  const huge = await roll(JSON.stringify({ overlap: 'x'.repeat(20_000) }));
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error.message).toMatch(/larger than 16 KB/);
});

test('a NUL byte typed into a form is a field error and saves nothing', async ({ page, merchant }) => {
  await page.goto('/apps');
  await page.getByRole('button', { name: 'Create app' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create app' });
  await dialog.getByLabel('App name').fill('Nul\u0000Shop');
  await dialog.getByLabel('Email').fill(merchant.email);
  await dialog.getByRole('combobox', { name: 'Country' }).click();
  await page.getByPlaceholder(/search/i).fill('India');
  await page.getByRole('option', { name: 'India', exact: true }).click();
  await dialog.getByRole('button', { name: 'Create app' }).click();
  await expect(dialog.getByText('Remove the control or invalid characters from this field')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Create your first app' })).toBeVisible();
});
