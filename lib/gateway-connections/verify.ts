import type { Db } from '@/db';
import {
  getConnectionForUpdate,
  getCredentials,
  updateConnection,
} from '@/db/queries/gateway-connections';
import { type AttemptFinish, finishAttempt, insertAttempt, voidUnfinishedAttempts } from '@/db/queries/verification-attempts';
import type { GatewayConnection, GatewayCredentials, Order } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { isGatewayError } from '@/lib/gateways';
import { GATEWAYS } from '@/lib/gateways/descriptors';
import { randomBase62 } from '@/lib/ids';
import { type Actor, auditAs } from '@/lib/apps/actor';
import { placeOrder } from '@/lib/orders/create-order';
import { lockExistingConnection } from './connection';
import { createOrderBlocker, statusAfterFailure } from './rules';

export const VERIFICATION_AMOUNT = 100; // ₹1.00 in paise
const VERIFICATION_NOTES = { purpose: 'ks_pay_verification' };
const VERIFICATION_PHONE = '9999999999';

export type VerificationResult =
  | { outcome: 'succeeded'; gatewayOrderId: string }
  | { outcome: 'failed' | 'locked' | 'unavailable'; message: string };

type App = { id: string; publicId: string; email: string };
type Claim = {
  claimedAt: Date;
  endpointId: string;
  credentials: GatewayCredentials;
  attempt: { id: string; attemptNumber: number; receipt: string };
};
/**
 * The test order that verifies steps 1–3. A short transaction claims the attempt (so double
 * clicks, two tabs or a replay create one order and spend one attempt), the gateway is called
 * outside any transaction, and a second transaction records the outcome if the claim still holds.
 */
export async function runTestOrder(db: Db, actor: Actor, app: App): Promise<VerificationResult> {
  const claim = await claimAttempt(db, app);
  let order: Order;
  try {
    // A real order at the gateway, made with these credentials and stored: its payments flow through like any other.
    order = await placeVerificationOrder(db, claim, app);
  } catch (error) {
    if (!isGatewayError(error)) {
      await record(db, actor, app, claim, { outcome: 'unavailable', errorKind: 'unknown', errorMessage: 'Internal error' }, () => ({}));
      throw error;
    }
    const message = error.explanation;
    // Only credentials the gateway refuses are the merchant's doing; anything else keeps the attempt.
    if (error.kind !== 'invalid_credentials') {
      const finish = { outcome: 'unavailable' as const, errorKind: error.kind, errorMessage: message };
      await record(db, actor, app, claim, finish, () => ({}));
      return { outcome: 'unavailable', message: `${message} Your attempt was not used: try again.` };
    }
    let result: VerificationResult = { outcome: 'failed', message };
    await record(db, actor, app, claim, { outcome: 'failed', errorKind: error.kind, errorMessage: message }, async (current, tx) => {
      const attemptsUsed = current.attemptsUsed + 1;
      const status = statusAfterFailure(attemptsUsed);
      if (status === 'locked' && current.verifiedCredentialsId) {
        // A replacement that failed twice is dropped; the verified credentials stay in use.
        const verified = (await getCredentials(tx, { connectionId: current.id, credentialsId: current.verifiedCredentialsId }))!;
        result = { outcome: 'failed', message: `${message} The new credentials failed twice, so your verified credentials stay in use.` };
        return {
          currentCredentialsId: verified.id,
          credentialsStatus: 'verified',
          webhookStatus: GATEWAYS[verified.gateway].webhookSetup ? 'verified' : 'not_required',
          attemptsUsed: 0,
        };
      }
      result = { outcome: status, message };
      return { attemptsUsed, credentialsStatus: status };
    });
    return result;
  }

  const held = await record(db, actor, app, claim, { outcome: 'succeeded', gatewayOrderId: order.gatewayOrderId }, (current) => ({
    attemptsUsed: current.attemptsUsed + 1,
    credentialsStatus: 'verified',
    verifiedCredentialsId: claim.credentials.id,
    webhookStatus: GATEWAYS[claim.credentials.gateway].webhookSetup ? 'verified' : 'not_required',
    npmStatus: 'verified',
  }));
  if (!held) return { outcome: 'unavailable', message: 'The gateway settings changed while the test order was running. Try again.' };
  return { outcome: 'succeeded', gatewayOrderId: order.gatewayOrderId };
}

async function claimAttempt(db: Db, app: App): Promise<Claim> {
  return db.transaction(async (tx) => {
    const connection = await lockExistingConnection(tx, app.id);
    const blocker = createOrderBlocker(connection);
    if (blocker) throw new AppError('conflict', blocker);
    // A claim older than the TTL belongs to a request that died: its attempt is void.
    await voidUnfinishedAttempts(tx, { connectionId: connection.id });
    const credentials = (await getCredentials(tx, { connectionId: connection.id, credentialsId: connection.currentCredentialsId! }))!;
    const attempt = await insertAttempt(tx, {
      connectionId: connection.id,
      credentialsId: credentials.id,
      attemptNumber: connection.attemptsUsed + 1,
      receipt: `ksverify_${randomBase62(16)}`,
    });
    const claimedAt = new Date();
    await updateConnection(tx, { appId: app.id, connectionId: connection.id }, { verifyingSince: claimedAt });
    return { claimedAt, endpointId: connection.webhookEndpointId, credentials, attempt };
  });
}

/**
 * Closes the attempt and, if the claim still holds (no reset, no new credentials, no takeover
 * after the TTL), applies `changes` to the connection as it is now. Returns whether it held.
 */
async function record(
  db: Db,
  actor: Actor,
  app: App,
  claim: Claim,
  finish: AttemptFinish,
  changes: (current: GatewayConnection, tx: Db) => Partial<GatewayConnection> | Promise<Partial<GatewayConnection>>,
) {
  return db.transaction(async (tx) => {
    await finishAttempt(tx, { connectionId: claim.credentials.connectionId, attemptId: claim.attempt.id }, finish);
    const current = await getConnectionForUpdate(tx, { appId: app.id });
    const held =
      current?.verifyingSince?.getTime() === claim.claimedAt.getTime() && current.currentCredentialsId === claim.credentials.id;
    if (!held) return false;
    await updateConnection(tx, { appId: app.id, connectionId: current.id }, { verifyingSince: null, ...(await changes(current, tx)) });
    await auditAs(tx, actor, `verification.${finish.outcome}`, {
      attempt: claim.attempt.attemptNumber,
      gateway: claim.credentials.gateway,
      ...(finish.gatewayOrderId && { gatewayOrderId: finish.gatewayOrderId }),
      ...(finish.errorKind && { kind: finish.errorKind, message: finish.errorMessage }),
    });
    return true;
  });
}

function placeVerificationOrder(db: Db, { credentials, attempt, endpointId }: Claim, app: App) {
  return placeOrder(db, { appId: app.id, endpointId, credentials }, {
    amount: VERIFICATION_AMOUNT,
    currency: 'INR',
    receipt: attempt.receipt,
    notes: VERIFICATION_NOTES,
    customer: { id: app.publicId.replace(/[^A-Za-z0-9]/g, ''), phone: VERIFICATION_PHONE, email: app.email },
  });
}
