import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// The suite runs against the production build (`next build` first) and its own sandbox.
// E2E_DATABASE_URL switches the app from a fresh embedded database to PostgreSQL.
const port = Number(process.env.E2E_PORT ?? 3100);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
const baseURL = `http://localhost:${port}`;
const dataDir = `.data/e2e-${port}`;

const chromium =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  outputDir: `test-results/e2e-${port}`,
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: `playwright-report/${port}` }]],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'] }, testIgnore: /mobile\.spec\.ts/ },
    { name: 'mobile', use: { ...devices['Pixel 7'] }, testMatch: /mobile\.spec\.ts/ },
  ],
  webServer: [
    {
      command: `node --import tsx sandbox/main.ts`,
      url: `http://localhost:${sandboxPort}/__sandbox/health`,
      env: { SANDBOX_PORT: String(sandboxPort), SANDBOX_RETRY_BASE_MS: '200' },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `rm -rf ${dataDir} && node --import ./scripts/stamp-socket-address.mjs node_modules/next/dist/bin/next start -p ${port}`,
      url: `${baseURL}/api/health`,
      env: {
        DATA_DIR: dataDir,
        ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
        APP_URL: baseURL,
        GATEWAYS: 'sandbox',
        SANDBOX_URL: `http://localhost:${sandboxPort}`,
        AUTH_SECRET: 'e2e-auth-secret-0123456789abcdefghijklmnop',
        ENCRYPTION_KEYS: 'e2e:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
        // Receivers in the tests listen on localhost; retries compressed to seconds.
        ALLOW_PRIVATE_WEBHOOK_URLS: 'true',
        OUTBOUND_WEBHOOK_SCHEDULE: '1,2,2,2',
        OUTBOUND_WEBHOOK_POLL_MS: '250',
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
    },
  ],
});
