import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { environment: 'node', include: ['test/**/*.test.ts'], globalSetup: ['test/pack-once.ts'], testTimeout: 60_000, hookTimeout: 180_000 },
});
