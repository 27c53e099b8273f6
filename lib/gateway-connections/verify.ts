import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { getCredentials } from '@/db/queries/gateway-connections';
import { gatewayCredentials, verificationAttempts, type GatewayCredentials } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto';
import { AppError } from '@/lib/errors';
import { type GatewayOrder, getGateway, isGatewayError } from '@/lib/gateways';
import { randomBase62 } from '@/lib/ids';
import { lockExistingConnection, updateConnection } from './connection';
import { createOrderBlocker, statusAfterFailure } from './rules';
import { type Actor, auditAs } from './actor';
import { webhookUrl } from './webhook-url';

export const VERIFICATION_AMOUNT = 100; // ₹1.00 in paise

export type VerificationResult =
  | { outcome: 'succeeded'; gatewayOrderId: string }
  | { outcome: 'failed' | 'locked'; message: string }
  | { outcome: 'unavailable'; message: string };

type App = { id: string; publicId: string; email: string };

/**
 * The test order that verifies steps 1–3. A short transaction claims the attempt (so double
 * clicks, two tabs or a replay create one order and spend one attempt), the gateway is called
 * outside any transaction, and a second transaction records the outcome.
 */
export async function runTestOrder(db: Db, actor: Actor, app: App): Promise<VerificationResult> {
  const claim = await db.transaction(async (tx) => {
    const connection = await lockExistingConnection(tx, app.id);
    const blocker = createOrderBlocker(connection);
    if (blocker) throw new AppError('conflict', blocker);
    // A claim older than the TTL belongs to a request that died: its attempt is void.
    await tx
      .update(verificationAttempts)
      .set({ outcome: 'unavailable', errorMessage: 'Interrupted', finishedAt: sql`now()` })
      .where(and(eq(verificationAttempts.connectionId, connection.id), eq(verificationAttempts.outcome, 'in_progress')));
    const credentials = (await getCredentials(tx, {
      connectionId: connection.id,
      credentialsId: connection.currentCredentialsId!,
    }))!;
    const [attempt] = await tx
      .insert(verificationAttempts)
      .values({
        connectionId: connection.id,
        credentialsId: credentials.id,
        attemptNumber: connection.attemptsUsed + 1,
        receipt: `ksverify_${randomBase62(16)}`,
      })
      .returning();
    await updateConnection(tx, connection.id, { verifyingSince: new Date() });
    return { connection, credentials, attempt: attempt! };
  });

  let order: GatewayOrder;
  try {
    order = await createVerificationOrder(claim.credentials, app, claim.attempt.receipt, claim.connection.webhookEndpointId);
  } catch (error) {
    if (!isGatewayError(error)) {
      await release(db, claim, { outcome: 'unavailable', errorKind: 'unknown', errorMessage: 'Internal error' });
      throw error;
    }
    const message = error.explanation;
    if (error.kind === 'unavailable' || error.kind === 'rate_limited') {
      await release(db, claim, { outcome: 'unavailable', errorKind: error.kind, errorMessage: message });
      await auditAs(db, actor, 'verification.unavailable', { attempt: claim.attempt.attemptNumber, kind: error.kind, message });
      return { outcome: 'unavailable', message: `${message} Your attempt was not used: try again.` };
    }
    const status = statusAfterFailure(claim.connection.attemptsUsed + 1);
    await db.transaction(async (tx) => {
      await finishAttempt(tx, claim.attempt.id, { outcome: 'failed', errorKind: error.kind, errorMessage: message });
      await updateConnection(tx, claim.connection.id, {
        verifyingSince: null,
        attemptsUsed: claim.connection.attemptsUsed + 1,
        credentialsStatus: status,
        lastFailure: message,
      });
      await auditAs(tx, actor, 'verification.failed', { attempt: claim.attempt.attemptNumber, kind: error.kind, message });
    });
    return { outcome: status, message };
  }

  await db.transaction(async (tx) => {
    await finishAttempt(tx, claim.attempt.id, { outcome: 'succeeded', gatewayOrderId: order.gatewayOrderId });
    await tx.update(gatewayCredentials).set({ verifiedAt: sql`now()` }).where(eq(gatewayCredentials.id, claim.credentials.id));
    await updateConnection(tx, claim.connection.id, {
      verifyingSince: null,
      attemptsUsed: claim.connection.attemptsUsed + 1,
      credentialsStatus: 'verified',
      verifiedCredentialsId: claim.credentials.id,
      webhookStatus: claim.connection.webhookStatus === 'not_required' ? 'not_required' : 'verified',
      npmStatus: 'verified',
      lastFailure: null,
    });
    await auditAs(tx, actor, 'verification.succeeded', {
      attempt: claim.attempt.attemptNumber,
      gateway: claim.credentials.gateway,
      gatewayOrderId: order.gatewayOrderId,
    });
  });
  return { outcome: 'succeeded', gatewayOrderId: order.gatewayOrderId };
}

function createVerificationOrder(credentials: GatewayCredentials, app: App, receipt: string, endpointId: string) {
  const secret = decryptSecret(credentials.secret);
  const base = { amount: VERIFICATION_AMOUNT, currency: 'INR', receipt, notes: { purpose: 'ks_pay_verification' } };
  if (credentials.gateway === 'razorpay') {
    return getGateway('razorpay', { retry: { maxAttempts: 1 } }).createOrder({ keyId: credentials.keyId, keySecret: secret }, base);
  }
  return getGateway('cashfree').createOrder(
    { clientId: credentials.keyId, clientSecret: secret, environment: credentials.environment === 'production' ? 'production' : 'sandbox' },
    {
      ...base,
      customer: { id: app.publicId.replace(/[^A-Za-z0-9]/g, ''), phone: '9999999999', email: app.email },
      notifyUrl: webhookUrl('cashfree', endpointId),
    },
  );
}

type Finish = { outcome: 'succeeded' | 'failed' | 'unavailable'; errorKind?: string; errorMessage?: string; gatewayOrderId?: string };

async function finishAttempt(tx: Db, attemptId: string, finish: Finish) {
  await tx.update(verificationAttempts).set({ ...finish, finishedAt: sql`now()` }).where(eq(verificationAttempts.id, attemptId));
}

async function release(db: Db, claim: { connection: { id: string }; attempt: { id: string } }, finish: Finish) {
  await db.transaction(async (tx) => {
    await finishAttempt(tx, claim.attempt.id, finish);
    await updateConnection(tx, claim.connection.id, { verifyingSince: null });
  });
}
