import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { createAppViaUi, expect, test } from './fixtures';

const expectNoSideways = async (page: Page) => {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client);
};

test('on a phone the sidebar opens from the menu button, and no page scrolls sideways', async ({ page, merchant }) => {
  const appId = await createAppViaUi(page, { name: 'Pocket Shop', email: merchant.email, country: 'India' });
  await expectNoSideways(page);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await page.getByRole('button', { name: 'Open menu' }).click();
  const menu = page.getByRole('dialog', { name: 'Menu' });
  await menu.getByRole('link', { name: 'Pocket Shop' }).click();
  await expect(page).toHaveURL(`/apps/${appId}`);
  await expect(menu).toBeHidden();
  await expectAccessible(page);
  await expectNoSideways(page);
  for (const path of ['settings', 'settings/payment-gateway', 'settings/activity']) {
    await page.goto(`/apps/${appId}/${path}`);
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await expectNoSideways(page);
  }
  await page.goto(`/apps/${appId}/webhooks`);
  await expect(page.getByRole('heading', { name: 'Webhook events' })).toBeVisible();
  await expectAccessible(page);
  await expectNoSideways(page);
});
