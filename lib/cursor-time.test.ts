import { describe, expect, it } from 'vitest';
import { isCursorTime } from './cursor-time';

describe('cursor times', () => {
  it.each([
    ['2026-12-01T14:32:03.123456Z', true],
    ['2024-02-29T00:00:00.000000Z', true],
    ['2024-02-30T00:00:00.000000Z', false],
    ['2023-02-29T00:00:00.000000Z', false],
    ['0000-01-01T00:00:00.000000Z', false],
    ['2026-13-01T00:00:00.000000Z', false],
    ['2026-12-01T24:00:00.000000Z', false],
    ['2026-12-01T14:32:03.123Z', false],
    ['2026-12-01 14:32:03.123456Z', false],
  ])('%s → %s', (at, ok) => {
    expect(isCursorTime(at)).toBe(ok);
  });
});
