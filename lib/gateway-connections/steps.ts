import type { Db } from '@/db';
import { deleteConnection, getConnection, updateConnection } from '@/db/queries/gateway-connections';
import { decryptSecret, encryptSecret } from '@/lib/crypto';
import { AppError } from '@/lib/errors';
import { lockExistingConnection, lockOrCreateConnection } from './connection';
import { isVerifying, PREVIOUS_SECRET_TTL_MS } from './rules';
import { type Actor, auditAs } from '@/lib/apps/actor';
import { newWebhookSecret } from './webhook-url';

export async function markWebhookDone(db: Db, actor: Actor) {
  return db.transaction(async (tx) => {
    const connection = await lockOrCreateConnection(tx, actor.appId);
    if (connection.webhookStatus === 'not_required') {
      throw new AppError('conflict', 'Cashfree needs no webhook setup: we send the notify URL with each order.');
    }
    if (connection.webhookStatus !== 'pending') return connection;
    await auditAs(tx, actor, 'webhook.marked_done');
    return updateConnection(tx, { appId: actor.appId, connectionId: connection.id }, { webhookStatus: 'done' });
  });
}

export async function markNpmDone(db: Db, actor: Actor) {
  return db.transaction(async (tx) => {
    const connection = await lockOrCreateConnection(tx, actor.appId);
    if (connection.npmStatus !== 'pending') return connection;
    await auditAs(tx, actor, 'npm.marked_done');
    return updateConnection(tx, { appId: actor.appId, connectionId: connection.id }, { npmStatus: 'done' });
  });
}

/** A new webhook secret; the old one keeps verifying for 24 h, as Razorpay signs retries with it. */
export async function rotateWebhookSecret(db: Db, actor: Actor) {
  return db.transaction(async (tx) => {
    const connection = await lockOrCreateConnection(tx, actor.appId);
    const expiresAt = new Date(Date.now() + PREVIOUS_SECRET_TTL_MS);
    await auditAs(tx, actor, 'webhook.secret_rotated', { previousValidUntil: expiresAt.toISOString() });
    return updateConnection(tx, { appId: actor.appId, connectionId: connection.id }, {
      webhookSecret: encryptSecret(newWebhookSecret()),
      previousWebhookSecret: connection.webhookSecret,
      previousWebhookSecretExpiresAt: expiresAt,
    });
  });
}

/** The webhook secret in clear, for the merchant to paste into Razorpay: only on an explicit Reveal. */
export async function revealWebhookSecret(db: Db, actor: Actor) {
  const connection =
    (await getConnection(db, { appId: actor.appId })) ?? (await db.transaction((tx) => lockOrCreateConnection(tx, actor.appId)));
  await auditAs(db, actor, 'webhook.secret_revealed');
  return decryptSecret(connection.webhookSecret);
}

/** Discards credentials, webhook secret and attempts; the audit log keeps the history. */
export async function resetGateway(db: Db, actor: Actor) {
  await db.transaction(async (tx) => {
    const connection = await lockExistingConnection(tx, actor.appId);
    if (isVerifying(connection)) throw new AppError('conflict', 'A test order is running. Wait for its result, then reset.');
    await deleteConnection(tx, { appId: actor.appId, connectionId: connection.id });
    await auditAs(tx, actor, 'gateway.reset', { previousStatus: connection.credentialsStatus });
  });
}
