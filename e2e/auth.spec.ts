import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, PASSWORD, signInViaApi, signUp, test, uniqueEmail } from './fixtures';
import { OFF_SITE_CALLBACKS } from '../lib/safe-redirect-cases';

async function signOutFromMenu(page: Page, item: 'Sign out' | 'Sign out of all devices' = 'Sign out') {
  await page.getByRole('button', { name: /^Account menu/ }).click();
  await page.getByRole('menuitem', { name: item === 'Sign out' ? /^Sign out$/ : /^Sign out of all devices/ }).click();
  await expect(page).toHaveURL(/\/login(\?signedOut=everywhere)?$/);
}

test.describe('sign up', () => {
  test('refuses bad input with field errors, then creates the account', async ({ page }) => {
    await page.goto('/signup');
    await expectAccessible(page);
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Enter a valid email address')).toBeVisible();
    await expect(page.getByText('Use at least 10 characters')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Email')).toHaveValue('not-an-email');
    await expectAccessible(page);

    const email = uniqueEmail('signup');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/apps$/);
    await expect(page.getByTestId('signed-in-email')).toHaveText(email);
  });

  test('says so when the email is already registered', async ({ page, browser }) => {
    const email = await signUp(page);
    const other = await browser.newPage();
    await other.goto('/signup');
    await other.getByLabel('Email').fill(email.toUpperCase());
    await other.getByLabel('Password').fill(PASSWORD);
    await other.getByRole('button', { name: 'Create account' }).click();
    await expect(other.getByText('An account with this email already exists. Sign in instead.')).toBeVisible();
    await expect(other).toHaveURL(/\/signup$/);
    await other.close();
  });
});

test.describe('sign in and out', () => {
  test('signs out, refuses a wrong password, signs back in', async ({ page, merchant }) => {
    await signOutFromMenu(page);
    await expectAccessible(page);

    await page.getByLabel('Email').fill(merchant.email);
    await page.getByLabel('Password').fill('wrong-password-123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/apps$/);
    await expect(page.getByTestId('signed-in-email')).toHaveText(merchant.email);
  });

  test('an unknown email gets the same answer as a wrong password', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(uniqueEmail('ghost'));
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /^Invalid email or password$/ })).toBeVisible();
  });

  test('locks an email after 5 failures, even for the right password', async ({ page, merchant }) => {
    await signOutFromMenu(page);
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Email').fill(merchant.email);
      await page.getByLabel('Password').fill(`wrong-password-${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible();
    }
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Too many failed sign-in attempts' })).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
  });

  test('a signed-out visit goes to /login and back after signing in', async ({ page, browser, merchant }) => {
    const fresh = await browser.newContext();
    const tab = await fresh.newPage();
    await tab.goto('/apps');
    await expect(tab).toHaveURL(/\/login\?callbackUrl=%2Fapps$/);
    await tab.getByLabel('Email').fill(merchant.email);
    await tab.getByLabel('Password').fill(PASSWORD);
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await expect(tab).toHaveURL(/\/apps$/);
    await fresh.close();
    expect(page.url()).toContain('/apps');
  });

  test('signs in through the API', async ({ browser }) => {
    const owner = await browser.newPage();
    const email = await signUp(owner);
    await owner.close();
    const context = await browser.newContext();
    await signInViaApi(context.request, email);
    const page = await context.newPage();
    await page.goto('/apps');
    await expect(page.getByTestId('signed-in-email')).toHaveText(email);
    await context.close();
  });
});

test.describe('sessions end when they should', () => {
  test('a cookie saved before Sign out opens nothing after it; other sessions stay', async ({ page, browser, merchant }) => {
    const saved = await page.context().storageState();
    const other = await browser.newContext();
    await signInViaApi(other.request, merchant.email);

    await signOutFromMenu(page);
    const replay = await browser.newContext({ storageState: saved });
    const tab = await replay.newPage();
    await tab.goto('/apps');
    await expect(tab).toHaveURL(/\/login/);
    const route = await replay.request.get('/api/apps/app_0000000000000000/api-keys');
    expect(route.status()).toBe(401);
    expect(await (await replay.request.get('/api/auth/session')).json()).toBeNull();
    await replay.close();

    const otherTab = await other.newPage();
    await otherTab.goto('/apps');
    await expect(otherTab.getByTestId('signed-in-email')).toHaveText(merchant.email);
    await other.close();
  });

  test("next-auth's own POST /api/auth/signout ends the session too, and /api/auth/session then knows no one", async ({ browser }) => {
    const owner = await browser.newPage();
    const email = await signUp(owner);
    await owner.close();
    const context = await browser.newContext();
    await signInViaApi(context.request, email);
    expect((await (await context.request.get('/api/auth/session')).json()).user.email).toBe(email);
    const saved = await context.storageState();
    const { csrfToken } = await (await context.request.get('/api/auth/csrf')).json();
    const out = await context.request.post('/api/auth/signout', { form: { csrfToken, callbackUrl: '/login' }, maxRedirects: 0 });
    expect(out.status()).toBe(302);
    expect(await (await context.request.get('/api/auth/session')).json()).toBeNull();
    await context.close();

    const replay = await browser.newContext({ storageState: saved });
    expect(await (await replay.request.get('/api/auth/session')).json()).toBeNull();
    expect((await replay.request.get('/api/apps/app_0000000000000000/api-keys')).status()).toBe(401);
    const tab = await replay.newPage();
    await tab.goto('/apps');
    await expect(tab).toHaveURL(/\/login/);
    await replay.close();
  });

  test('Sign out of all devices ends the sessions in other browsers too, and says so', async ({ page, browser, merchant }) => {
    const other = await browser.newContext();
    await signInViaApi(other.request, merchant.email);
    const otherTab = await other.newPage();
    await otherTab.goto('/apps');
    await expect(otherTab.getByTestId('signed-in-email')).toHaveText(merchant.email);

    await signOutFromMenu(page, 'Sign out of all devices');
    await expect(page.getByRole('alert').filter({ hasText: 'You are signed out on all devices.' })).toBeVisible();
    await expectAccessible(page);

    await otherTab.goto('/apps');
    await expect(otherTab).toHaveURL(/\/login/);
    expect((await other.request.get('/api/apps/app_0000000000000000/api-keys')).status()).toBe(401);
    await other.close();

    // Signing in again works.
    await page.getByLabel('Email').fill(merchant.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/apps$/);
  });

  test('session cookies are not Secure over http', async ({ page, merchant }) => {
    expect(merchant.email).toBeTruthy();
    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('authjs.session-token'));
    expect(cookie).toMatchObject({ name: 'authjs.session-token', secure: false, httpOnly: true, sameSite: 'Lax' });
  });

  test('a sign-in through the form or the credentials endpoint leaves a known-device cookie for 90 days', async ({ page, browser, merchant }) => {
    const other = await browser.newContext();
    await signInViaApi(other.request, merchant.email);
    for (const context of [page.context(), other]) {
      const cookie = (await context.cookies()).find((c) => c.name === 'kspay.known-device');
      expect(cookie).toMatchObject({ secure: false, httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie!.value).toMatch(/^\d+\.[\w-]{43}$/);
      expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(89 * 24 * 60 * 60 * 1000);
    }
    await other.close();
  });
});

test.describe('callbackUrl never leaves our origin', () => {
  const ours = (location: string | undefined, baseURL: string) => new URL(location ?? '', baseURL);

  test('the page redirect of a signed-in merchant', async ({ page, merchant, baseURL }) => {
    expect(merchant.email).toBeTruthy();
    for (const callbackUrl of [...OFF_SITE_CALLBACKS, '/apps/app_x?tab=1#h']) {
      const response = await page.request.get(`/login?${new URLSearchParams({ callbackUrl })}`, { maxRedirects: 0 });
      expect(response.status(), JSON.stringify(callbackUrl)).toBe(307);
      const location = response.headers().location;
      expect(location, JSON.stringify(callbackUrl)).not.toMatch(/^[/\\]{2}|^\/\\|[\u0000-\u001f]/);
      const target = ours(location, baseURL!);
      expect(target.origin, JSON.stringify(callbackUrl)).toBe(new URL(baseURL!).origin);
      const expected = callbackUrl.startsWith('/apps/') ? '/apps/app_x' : '/apps';
      expect(target.pathname, JSON.stringify(callbackUrl)).toBe(expected);
    }
  });

  test('the redirect after signing in, through the form and through the credentials endpoint', async ({ browser, baseURL }) => {
    const owner = await browser.newPage();
    const email = await signUp(owner);
    await owner.close();

    // The page already cleans the callbackUrl it gives the form, so the form's request is rewritten
    // to carry the raw one: what the action itself does with it is what is tested.
    for (const callbackUrl of ['/..//evil.com', '/%2e%2e//evil.com', '/.//evil.com', '/a/..//evil.com', '/\\evil.com', 'https://evil.com', '/\t/evil.com']) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      let rewritten = false;
      await tab.route('**/login', async (route) => {
        const body = route.request().postData() ?? '';
        if (route.request().method() !== 'POST' || !body.includes('"callbackUrl":"/apps"')) return route.continue();
        rewritten = true;
        await route.continue({ postData: body.replace('"callbackUrl":"/apps"', `"callbackUrl":${JSON.stringify(callbackUrl)}`) });
      });
      await tab.goto('/login');
      await tab.getByLabel('Email').fill(email);
      await tab.getByLabel('Password').fill(PASSWORD);
      const action = tab.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login');
      await tab.getByRole('button', { name: 'Sign in' }).click();
      const redirect = (await action).headers()['x-action-redirect'];
      expect(rewritten, 'the action request was rewritten').toBe(true);
      if (/[\u0000-\u001f]/.test(callbackUrl)) {
        // Control characters are refused before any schema: no sign-in, no redirect at all.
        expect(redirect, JSON.stringify(callbackUrl)).toBeUndefined();
        await expect(tab).toHaveURL(/\/login$/);
        await context.close();
        continue;
      }
      const target = ours(redirect?.split(';')[0], baseURL!);
      expect(target.origin, JSON.stringify(callbackUrl)).toBe(new URL(baseURL!).origin);
      expect(target.pathname, JSON.stringify(callbackUrl)).toBe('/apps');
      await expect(tab).toHaveURL(`${new URL(baseURL!).origin}/apps`);
      await context.close();
    }

    for (const callbackUrl of OFF_SITE_CALLBACKS) {
      const context = await browser.newContext();
      const { csrfToken } = await (await context.request.get('/api/auth/csrf')).json();
      const response = await context.request.post('/api/auth/callback/credentials', {
        form: { csrfToken, email, password: PASSWORD, callbackUrl },
        maxRedirects: 0,
      });
      expect(response.status(), JSON.stringify(callbackUrl)).toBe(302);
      const target = ours(response.headers().location, baseURL!);
      expect(target.origin, JSON.stringify(callbackUrl)).toBe(new URL(baseURL!).origin);
      expect(target.pathname, JSON.stringify(callbackUrl)).toBe('/apps');
      await context.close();
    }
  });
});

test.describe('the client address', () => {
  test('is the socket address: a forged X-Forwarded-For does not escape the per-client limit', async ({ browser }) => {
    const owner = await browser.newPage();
    const email = await signUp(owner);
    await owner.close();
    const context = await browser.newContext();
    const attempt = async (password: string, forged: string) => {
      const { csrfToken } = await (await context.request.get('/api/auth/csrf')).json();
      const response = await context.request.post('/api/auth/callback/credentials', {
        form: { csrfToken, email, password, callbackUrl: '/apps' },
        headers: { 'x-forwarded-for': forged },
        maxRedirects: 0,
      });
      return new URL(response.headers().location!).searchParams.get('code');
    };
    for (let i = 1; i <= 5; i++) expect(await attempt(`wrong-password-${i}`, `198.51.100.${i}`)).toBe('credentials');
    expect(await attempt(PASSWORD, '198.51.100.99')).toBe('rate_limited');
    await context.close();
  });
});
