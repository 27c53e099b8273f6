import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-redirect';
import { OFF_SITE_CALLBACKS } from './safe-redirect-cases';

describe('safeCallbackPath', () => {
  it.each(OFF_SITE_CALLBACKS)('refuses %j', (value) => {
    expect(safeCallbackPath(value)).toBe('/apps');
  });

  it.each([
    ['/apps/app_x?tab=1#h', '/apps/app_x?tab=1#h'],
    ['/apps', '/apps'],
    ['/apps/./app_x', '/apps/app_x'],
    ['/apps/x/../y', '/apps/y'],
    ['/%2f%2fevil.com', '/%2f%2fevil.com'],
    ['/%5c%5cevil.com', '/%5c%5cevil.com'],
    ['/javascript:alert(1)//', '/javascript:alert(1)//'],
  ])('keeps the same-origin path %j as %j', (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it('refuses null, undefined and non-strings (a repeated query parameter is an array)', () => {
    expect(safeCallbackPath(null)).toBe('/apps');
    expect(safeCallbackPath(undefined)).toBe('/apps');
    expect(safeCallbackPath(['/apps/a', '/apps/b'])).toBe('/apps');
    expect(safeCallbackPath({ toString: () => '/apps/x' })).toBe('/apps');
  });

  it('returns only paths a browser resolves to our origin, unchanged when resolved again', () => {
    const ours = 'https://pay.example';
    for (const value of [...OFF_SITE_CALLBACKS, '/apps/app_x?tab=1#h', '/%2f%2fevil.com', '/a/./b/../c']) {
      const path = safeCallbackPath(value);
      expect(path, JSON.stringify(value)).toMatch(/^\/(?![/\\])/);
      expect(path, JSON.stringify(value)).not.toMatch(/[\u0000-\u001f\u007f\\]/);
      expect(new URL(path, ours).origin, JSON.stringify(value)).toBe(ours);
      expect(safeCallbackPath(path)).toBe(path);
    }
  });
});
