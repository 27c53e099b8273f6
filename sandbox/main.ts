import { env } from '@/lib/env';
import { createSandbox } from './server';

// `npm run sandbox`: the local stand-in for Razorpay and Cashfree, configured from env.
const sandbox = await createSandbox({
  port: env.SANDBOX_PORT,
  host: 'localhost',
  stateFile: env.SANDBOX_STATE_FILE,
  retryBaseMs: env.SANDBOX_RETRY_BASE_MS,
  maxAttempts: env.SANDBOX_MAX_ATTEMPTS,
  log: env.LOG_LEVEL === 'debug' ? (line) => console.log(line) : undefined,
});

const { razorpay, cashfree } = sandbox.credentials;
// Test-only credentials of a local fake: printing them is the point.
console.log(
  `Gateway sandbox on ${sandbox.url} | Razorpay key_id=${razorpay.keyId} key_secret=${razorpay.keySecret} | ` +
    `Cashfree client_id=${cashfree.clientId} client_secret=${cashfree.clientSecret}`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
