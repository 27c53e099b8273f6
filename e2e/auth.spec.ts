import { expectAccessible } from './axe';
import { expect, PASSWORD, signInViaApi, signUp, test, uniqueEmail } from './fixtures';

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
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
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
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
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
