import { expectAccessible } from './axe';
import { createAppViaUi, expect, test } from './fixtures';

test('create an app: bad input is refused and saves nothing, good input adds the row', async ({ page, merchant }) => {
  await expect(page.getByRole('heading', { name: 'Create your first app' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Create app' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create app' });
  await dialog.getByLabel('App name').fill('ab');
  await dialog.getByLabel('Email').fill('shop@');
  await dialog.getByRole('button', { name: 'Create app' }).click();
  await expect(dialog.getByText('Use at least 3 characters')).toBeVisible();
  await expect(dialog.getByText('Enter a valid email address')).toBeVisible();
  await expect(dialog.getByText('Choose a country')).toBeVisible();
  await expect(dialog.getByLabel('App name')).toHaveValue('ab');
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Create your first app' })).toBeVisible();

  const appId = await createAppViaUi(page, { name: 'Chai Point', email: merchant.email, country: 'India' });
  const row = page.getByRole('row').filter({ hasText: 'Chai Point' });
  await expect(row).toContainText(appId);
  await expect(row).toContainText('India');
  await expectAccessible(page);

  await row.getByRole('link', { name: 'Chai Point' }).click();
  await expect(page).toHaveURL(`/apps/${appId}`);
  await expect(page.getByRole('heading', { name: 'Chai Point' })).toBeVisible();
  const steps = page.getByRole('list', { name: 'Payment gateway steps' }).getByRole('listitem');
  await expect(steps).toHaveCount(4);
  for (const name of ['Credentials', 'Webhook', 'NPM Integration', 'Security']) {
    await expect(steps.filter({ hasText: name })).toContainText('Not started');
  }
  await expectAccessible(page);
});

test('newest app first, and edit then delete in Settings', async ({ page, merchant }) => {
  const older = await createAppViaUi(page, { name: 'Older Shop', email: merchant.email, country: 'India' });
  const newer = await createAppViaUi(page, { name: 'Newer Shop', email: merchant.email, country: 'Singapore' });
  const ids = await page.getByRole('row').locator('td:first-child').allTextContents();
  expect(ids.map((t) => t.trim())).toEqual([newer, older]);

  await page.goto(`/apps/${newer}/settings`);
  await expectAccessible(page);
  const name = page.getByLabel('App name');
  await name.fill('x');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Use at least 3 characters')).toBeVisible();
  await name.fill('Renamed Shop');
  await page.getByRole('combobox', { name: 'Country' }).click();
  await page.getByPlaceholder(/search/i).fill('Japan');
  await page.getByRole('option', { name: 'Japan', exact: true }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('App name')).toHaveValue('Renamed Shop');
  await expect(page.getByRole('combobox', { name: 'Country' })).toHaveText(/Japan/);
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Renamed Shop');

  await page.getByRole('button', { name: 'Delete app' }).click();
  const dialog = page.getByRole('dialog');
  const confirm = dialog.getByRole('button', { name: 'Delete app' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('App name').fill('Renamed Sho');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('App name').fill('Renamed Shop');
  await confirm.click();
  await expect(page).toHaveURL(/\/apps$/);
  await expect(page.getByRole('row').filter({ hasText: 'Renamed Shop' })).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: 'Older Shop' })).toHaveCount(1);
  await page.goto(`/apps/${newer}`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  // The audit log outlives the app: the account-wide Activity still names it, and who deleted it.
  await page.goto('/apps');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page).toHaveURL(/\/apps\/activity$/);
  const deleted = page.getByRole('row').filter({ hasText: 'App deleted' });
  await expect(deleted).toContainText('Renamed Shop');
  await expect(deleted).toContainText(newer);
  await expect(deleted).toContainText('(deleted)');
  await expect(deleted).toContainText(merchant.email);
  await expectAccessible(page);
});

test('dark theme is accessible too', async ({ page, merchant }) => {
  await expect(page.getByTestId('signed-in-email')).toHaveText(merchant.email);
  await page.getByRole('button', { name: 'Toggle theme' }).click();
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expectAccessible(page);
});
