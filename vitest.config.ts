import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    environment: 'node',
    env: { LOG_LEVEL: 'silent' },
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', 'sdk/**', '.next/**', '.data/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    server: { deps: { inline: ['server-only', 'next-auth'] } },
  },
});
