import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-redirect';

describe('safeCallbackPath', () => {
  it('keeps same-site paths', () => {
    expect(safeCallbackPath('/apps/app_1/settings?tab=x#y')).toBe('/apps/app_1/settings?tab=x#y');
  });

  it('refuses anything a browser would take off-site', () => {
    for (const bad of ['//evil.com', '/\\evil.com', '/\t/evil.com', '/\n/evil.com', 'https://evil.com', 'evil.com', '', null]) {
      expect(safeCallbackPath(bad), String(bad)).toBe('/apps');
    }
  });
});
