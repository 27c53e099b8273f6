import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { createApp, getApp } from '@/db/queries/apps';
import { createMerchant } from '@/db/queries/merchants';
import {
  getConnection,
  insertConnectionIfMissing,
  insertCredentials,
  updateConnection,
} from '@/db/queries/gateway-connections';
import { apiKeys } from '@/db/schema';

export type TestApp = { merchantId: string; appId: string; publicId: string };

/** A new merchant with one app. */
export async function createTestApp(db: Db, tag = 'merchant'): Promise<TestApp> {
  const email = `${tag}-${randomBytes(4).toString('hex')}@example.com`;
  const merchant = (await createMerchant(db, { email, passwordHash: 'x' }))!;
  return createOwnedTestApp(db, merchant.id);
}

export async function createOwnedTestApp(db: Db, merchantId: string): Promise<TestApp> {
  const { publicId } = await createApp(db, { merchantId, name: 'Shop', email: 'shop@example.com', country: 'IN' });
  const app = await getApp(db, { merchantId, publicId });
  return { merchantId, appId: app!.id, publicId };
}

/** Makes the app's gateway connection verified with credentials of `mode`, as a test order would. */
export async function markGatewayVerified(db: Db, params: { appId: string; mode: 'test' | 'live' }) {
  const { appId } = params;
  await insertConnectionIfMissing(db, { appId, webhookEndpointId: `we_${randomBytes(8).toString('hex')}`, webhookSecret: 'ciphertext' });
  const connection = (await getConnection(db, { appId }))!;
  const credentials = await insertCredentials(db, {
    connectionId: connection.id,
    gateway: 'razorpay',
    mode: params.mode,
    keyId: `rzp_${params.mode}_${randomBytes(7).toString('hex')}`,
    secret: 'ciphertext',
    secretHint: 'abcd',
    paymentModes: ['upi'],
  });
  await updateConnection(db, { appId, connectionId: connection.id }, { verifiedCredentialsId: credentials.id, credentialsStatus: 'verified' });
}

export async function clearGatewayVerification(db: Db, params: { appId: string }) {
  const connection = await getConnection(db, params);
  if (!connection) return;
  await updateConnection(db, { appId: params.appId, connectionId: connection.id }, { verifiedCredentialsId: null, credentialsStatus: 'pending' });
}

/** Test-only time travel: moves a key's column into the past, as if time had passed. */
export async function setKeyTimes(db: Db, keyId: string, times: { expiresAt?: Date; lastUsedAt?: Date }) {
  await db.update(apiKeys).set(times).where(eq(apiKeys.id, keyId));
}

export async function getKeyRow(db: Db, keyId: string) {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, keyId));
  return row!;
}
