import { createAppViaUi, expect, test } from './fixtures';

// Pages carry a fresh CSP nonce on every response, every script in the HTML has it, and nothing the
// product itself renders (Next's scripts, the theme script, dialogs, toasts) is blocked by it.
test('every page has a per-response CSP nonce on all of its scripts, and nothing is blocked', async ({ page, merchant }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const appId = await createAppViaUi(page, { name: 'Csp Shop', email: merchant.email, country: 'India' });

  for (const path of ['/apps', `/apps/${appId}`, `/apps/${appId}/settings/payment-gateway`, '/apps/activity', '/docs/npm-integration']) {
    const first = await page.request.get(path);
    const second = await page.request.get(path);
    const csp = first.headers()['content-security-policy'] ?? '';
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce, `${path}: ${csp}`).toBeTruthy();
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(second.headers()['content-security-policy']).not.toContain(nonce);
    const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    // Served over http: no HSTS (it would pin localhost to https) and no COOP.
    expect(first.headers()['strict-transport-security']).toBeUndefined();
    expect(first.headers()['cross-origin-opener-policy']).toBeUndefined();

    await page.goto(path);
    await expect(page.locator('html')).toHaveClass(/\b(light|dark)\b/); // the theme script ran
  }
  await page.goto('/apps');
  await page.getByRole('button', { name: 'Toggle theme' }).click();
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  expect(violations).toEqual([]);
});

test('the sign-in and sign-up pages have their nonce too', async ({ page }) => {
  for (const path of ['/login', '/signup']) {
    const response = await page.goto(path);
    const nonce = /'nonce-([^']+)'/.exec(response!.headers()['content-security-policy'] ?? '')?.[1];
    expect(nonce, path).toBeTruthy();
    expect(await response!.text()).not.toMatch(new RegExp(`<script(?![^>]*nonce="${nonce!.replace(/[+/=]/g, '\\$&')}")`));
  }
});
