import type { Db } from '@/db';
import { getConnection } from '@/db/queries/gateway-connections';
import { getOrderByGatewayId } from '@/db/queries/orders';
import { generateApiKeys } from '@/lib/api-keys/generate-api-keys';
import type { Actor } from '@/lib/apps/actor';
import { markNpmDone, markWebhookDone, revealWebhookSecret } from '@/lib/gateway-connections/steps';
import { submitCredentials } from '@/lib/gateway-connections/submit-credentials';
import { runTestOrder } from '@/lib/gateway-connections/verify';
import { RAZORPAY_WEBHOOK_EVENTS, webhookUrl } from '@/lib/gateway-connections/webhook-url';
import type { SandboxControl } from './sandbox-control';
import { setAllowedOrigins } from '@/db/queries/apps';

type App = { id: string; publicId: string; email: string };

/**
 * Connects the demo app to a sandbox Razorpay account of its own through the wizard, as a merchant
 * would: credentials, the Webhook and NPM steps, the real test order, then the Security step's keys.
 * Returns the secret key (shown once), the test order's id, and a way to point the account's
 * webhooks at our route.
 */
/** Where the README's example shop listens by default. */
export const EXAMPLE_SHOP_ORIGIN = 'http://localhost:4242';

export async function connectDemoApp(db: Db, actor: Actor, app: App, sandbox: SandboxControl) {
  const account = await sandbox.createRazorpayAccount();
  await submitCredentials(db, actor, {
    gateway: 'razorpay',
    keyId: account.keyId,
    keySecret: account.keySecret,
    paymentModes: ['upi', 'debit_card', 'credit_card', 'net_banking', 'wallet'],
  });
  await markWebhookDone(db, actor);
  await markNpmDone(db, actor);
  const verification = await runTestOrder(db, actor, app);
  if (verification.outcome !== 'succeeded') throw new Error(`the test order did not verify the demo app: ${verification.message}`);
  const { secretKey } = await generateApiKeys(db, actor);
  // The example shop (examples/express, README "Take a test payment") runs there.
  await setAllowedOrigins(db, { appId: app.id, origins: [EXAMPLE_SHOP_ORIGIN] });
  const { webhookEndpointId } = (await getConnection(db, { appId: app.id }))!;
  const verificationOrder = await getOrderByGatewayId(db, { appId: app.id, gateway: 'razorpay', gatewayOrderId: verification.gatewayOrderId });
  return {
    secretKey: secretKey.token,
    verificationOrderId: verificationOrder!.id,
    /** What the merchant pastes into Razorpay's webhook settings, pasted into the sandbox's. */
    async pointWebhooks() {
      const secret = await revealWebhookSecret(db, actor);
      const url = webhookUrl('razorpay', webhookEndpointId);
      await sandbox.pointRazorpayWebhook({ keyId: account.keyId, url, secret, events: RAZORPAY_WEBHOOK_EVENTS });
    },
  };
}
