import { randomBytes } from 'node:crypto';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';

export const PASSWORD = 'correct-horse-battery';

export const uniqueEmail = (tag = 'm') => `${tag}-${randomBytes(5).toString('hex')}@example.com`;

/** Signs up through the form (the product has no other sign-up path); leaves the page on /apps. */
export async function signUp(page: Page, email = uniqueEmail()) {
  await page.goto('/signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/apps$/);
  return email;
}

/** Signs in through next-auth's credentials endpoint, sharing cookies with the page. */
export async function signInViaApi(request: APIRequestContext, email: string, password = PASSWORD) {
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, callbackUrl: '/apps' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers().location).not.toContain('error=');
}

export async function createAppViaUi(page: Page, app: { name: string; email: string; country: string }) {
  await page.goto('/apps');
  await page.getByRole('button', { name: 'Create app' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create app' });
  await dialog.getByLabel('App name').fill(app.name);
  await dialog.getByLabel('Email').fill(app.email);
  await dialog.getByRole('combobox', { name: 'Country' }).click();
  await page.getByPlaceholder(/search/i).fill(app.country);
  await page.getByRole('option', { name: app.country, exact: true }).click();
  await dialog.getByRole('button', { name: 'Create app' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: app.name });
  await expect(row).toBeVisible();
  const appId = (await row.getByRole('cell').first().textContent())!.trim();
  expect(appId).toMatch(/^app_[0-9A-Za-z]{16}$/);
  return appId;
}

type Fixtures = { merchant: { email: string } };

/** `merchant`: a fresh merchant, signed up and signed in on `page`. */
export const test = base.extend<Fixtures>({
  merchant: async ({ page }, provide) => {
    await provide({ email: await signUp(page) });
  },
});

export { expect };
