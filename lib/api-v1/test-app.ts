import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { createApp, getApp } from '@/db/queries/apps';
import { createMerchant } from '@/db/queries/merchants';
import { orders } from '@/db/schema';
import { generateApiKeys } from '@/lib/api-keys/generate-api-keys';
import type { Actor } from '@/lib/apps/actor';
import { markNpmDone, markWebhookDone } from '@/lib/gateway-connections/steps';
import { submitCredentials } from '@/lib/gateway-connections/submit-credentials';
import { runTestOrder } from '@/lib/gateway-connections/verify';
import { call } from '@/sandbox/test-utils';

/**
 * A merchant's app connected to a fresh sandbox Razorpay account through the wizard's own
 * functions, verified by its real test order, with API keys issued: what an integrator starts from.
 */
export async function connectedApp(db: Db, sandboxUrl: string, gateway: 'razorpay' | 'cashfree' = 'razorpay') {
  const merchantId = (await createMerchant(db, { email: `api-${randomBytes(4).toString('hex')}@example.com`, passwordHash: 'x' }))!.id;
  const created = await createApp(db, { merchantId, name: 'API Shop', email: 'shop@example.com', country: 'IN' });
  const app = (await getApp(db, { merchantId, publicId: created.publicId }))!;
  const actor: Actor = { appId: app.id, merchantId, ip: '127.0.0.1' };
  const made = (await call(`${sandboxUrl}/__sandbox/accounts`, { body: { gateway } })).json as Record<string, string>;
  const account = { key_id: made.key_id ?? made.client_id!, key_secret: made.key_secret ?? made.client_secret! };
  await submitCredentials(
    db,
    actor,
    gateway === 'razorpay'
      ? { gateway, keyId: account.key_id, keySecret: account.key_secret, paymentModes: ['upi'] }
      : { gateway, keyId: account.key_id, keySecret: account.key_secret, environment: 'sandbox', paymentModes: ['upi'] },
  );
  if (gateway === 'razorpay') await markWebhookDone(db, actor);
  await markNpmDone(db, actor);
  const result = await runTestOrder(db, actor, app);
  if (result.outcome !== 'succeeded') throw new Error(`test order: ${result.outcome}`);
  const keys = await generateApiKeys(db, actor);
  const [verificationOrder] = await db.select().from(orders).where(eq(orders.appId, app.id));
  return { actor, app, account, secretKey: keys.secretKey.token, publicKey: keys.publicKey.displayPrefix, secretKeyId: keys.secretKey.id, verificationOrder: verificationOrder! };
}
