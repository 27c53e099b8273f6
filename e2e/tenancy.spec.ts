import { expectAccessible } from './axe';
import { createAppViaUi, expect, signUp, test } from './fixtures';

test('another merchant gets 404 for my app’s pages', async ({ page, merchant, browser }) => {
  const appId = await createAppViaUi(page, { name: 'Mine Only', email: merchant.email, country: 'India' });

  const context = await browser.newContext();
  const intruder = await context.newPage();
  await signUp(intruder);
  for (const path of [`/apps/${appId}`, `/apps/${appId}/settings`, `/apps/${appId}/webhooks`, '/apps/app_0000000000000000']) {
    const response = await intruder.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(intruder.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(intruder.locator('body')).not.toContainText('Mine Only');
  }
  await expectAccessible(intruder);
  await context.close();

  await page.goto(`/apps/${appId}`);
  await expect(page.getByRole('heading', { name: 'Mine Only' })).toBeVisible();
});
