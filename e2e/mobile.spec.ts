import { expectAccessible } from './axe';
import { createAppViaUi, expect, test } from './fixtures';

test('on a phone the sidebar opens from the menu button', async ({ page, merchant }) => {
  const appId = await createAppViaUi(page, { name: 'Pocket Shop', email: merchant.email, country: 'India' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await page.getByRole('button', { name: 'Open menu' }).click();
  const menu = page.getByRole('dialog', { name: 'Menu' });
  await menu.getByRole('link', { name: 'Pocket Shop' }).click();
  await expect(page).toHaveURL(`/apps/${appId}`);
  await expect(menu).toBeHidden();
  await expectAccessible(page);
});
