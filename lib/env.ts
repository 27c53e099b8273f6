import { z } from 'zod';

// The only module that reads process.env. Everything unset means "local and safe":
// embedded database, gateway sandbox, development secrets generated under DATA_DIR.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  /** Comma-separated `keyId:base64(32 bytes)`; the first one encrypts, all decrypt. */
  ENCRYPTION_KEYS: z.string().optional(),
  /** Public base URL of the dashboard, used in webhook URLs shown to merchants. */
  APP_URL: z.string().url().default('http://localhost:3000'),
  /**
   * `sandbox` talks to the local gateway sandbox, `live` to the real gateways. Unset means the
   * sandbox outside production; production refuses to start without an explicit choice.
   */
  GATEWAYS: z.enum(['sandbox', 'live']).optional(),
  SANDBOX_URL: z.string().url().default('http://localhost:4010'),
  SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
  SANDBOX_STATE_FILE: z.string().optional(),
  /** Seconds between sandbox webhook retries, multiplied per attempt (compressed schedule). */
  SANDBOX_RETRY_BASE_MS: z.coerce.number().int().min(0).default(1000),
  SANDBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /**
   * Proxies in front of the server that append to X-Forwarded-For (a load balancer: 1). 0 = clients
   * connect directly and their socket address is what the sign-in limiter counts. A request with
   * fewer entries than this uses its leftmost entry (lib/request-ip.ts).
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Merchant API requests per secret key per minute (sliding window, shared by every instance). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /**
   * Merchant webhook endpoints on loopback and private addresses, for test-mode endpoints only.
   * Unset: allowed outside production.
   */
  ALLOW_PRIVATE_WEBHOOK_URLS: z.enum(['true', 'false']).optional(),
  /** Seconds between attempts to the merchant's endpoints; unset: Svix's 5 s … 10 h. */
  OUTBOUND_WEBHOOK_SCHEDULE: z.string().optional(),
  OUTBOUND_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
  /** An endpoint failing this long is disabled (5 days). */
  OUTBOUND_WEBHOOK_DISABLE_AFTER_SECONDS: z.coerce.number().int().min(1).default(5 * 24 * 3600),
  /** How often an idle delivery worker looks for due deliveries. */
  OUTBOUND_WEBHOOK_POLL_MS: z.coerce.number().int().min(10).default(1000),
  /** Seed a demo merchant on an empty embedded database even in production mode. */
  DEMO_SEED: z.enum(['auto', 'on', 'off']).default('auto'),
  TEST_DATABASE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

export const env = parseEnv();

export const isProduction = env.NODE_ENV === 'production';

export const allowPrivateWebhookUrls = env.ALLOW_PRIVATE_WEBHOOK_URLS ? env.ALLOW_PRIVATE_WEBHOOK_URLS === 'true' : !isProduction;
