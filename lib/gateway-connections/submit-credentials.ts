import type { Db } from '@/db';
import {
  getCredentials,
  insertCredentials,
  updateConnection,
  updateCredentialsPaymentModes,
} from '@/db/queries/gateway-connections';
import { encryptSecret } from '@/lib/crypto';
import { AppError } from '@/lib/errors';
import { environmentOf, GATEWAYS, isSameKey, modeOf } from '@/lib/gateways/descriptors';
import type { Credentials } from '@/lib/validations/gateway';
import { type Actor, auditAs } from '@/lib/apps/actor';
import { lockOrCreateConnection } from './connection';
import { attemptsAfterSubmit, isVerifying } from './rules';

const secretRequired = (field: string) =>
  new AppError('bad_request', 'Enter the secret.', { keySecret: [`Enter the ${field}`] });

/**
 * Saves what the merchant entered in step 1. The id is kept in clear, the secret sealed; an
 * empty secret keeps the saved one, but only for the same gateway and id and never after a failed
 * test order (the rules make the merchant re-enter it).
 */
export async function submitCredentials(db: Db, actor: Actor, input: Credentials) {
  if (input.gateway === 'cashfree' && input.environment === 'production' && /^TEST/i.test(input.keyId)) {
    throw new AppError('bad_request', 'Check the highlighted fields.', {
      keyId: ['This is a Cashfree test Client ID (it starts with TEST): choose Sandbox, or use your production Client ID'],
    });
  }
  const gateway = GATEWAYS[input.gateway];
  const mode = modeOf(input);
  if (!mode) throw new AppError('bad_request', 'Check the highlighted fields.', { keyId: [gateway.keyIdMessage] });
  return db.transaction(async (tx) => {
    const connection = await lockOrCreateConnection(tx, actor.appId);
    if (connection.credentialsStatus === 'locked') {
      throw new AppError('conflict', 'This gateway is locked after two failed test orders. Reset it to start over.');
    }
    if (isVerifying(connection)) {
      throw new AppError('conflict', 'A test order is being created with the saved credentials. Wait for its result.');
    }
    const saved = connection.currentCredentialsId
      ? await getCredentials(tx, { connectionId: connection.id, credentialsId: connection.currentCredentialsId })
      : null;
    const environment = environmentOf(input);
    const sameKey = saved !== null && isSameKey(saved, input);
    if (saved && sameKey && !input.keySecret && connection.credentialsStatus === 'verified') {
      // Only the payment modes changed: the verified key needs no new test order.
      await updateCredentialsPaymentModes(tx, { connectionId: connection.id, credentialsId: saved.id, paymentModes: input.paymentModes });
      await auditAs(tx, actor, 'credentials.payment_modes_changed', { paymentModes: input.paymentModes });
      return connection;
    }
    let sealedSecret: string;
    let secretHint: string;
    if (input.keySecret) {
      sealedSecret = encryptSecret(input.keySecret);
      secretHint = input.keySecret.slice(-4);
    } else {
      if (!saved || !sameKey || connection.credentialsStatus === 'failed') throw secretRequired(gateway.secretLabel);
      sealedSecret = saved.secret;
      secretHint = saved.secretHint;
    }
    const credentials = await insertCredentials(tx, {
      connectionId: connection.id,
      gateway: input.gateway,
      mode,
      keyId: input.keyId,
      secret: sealedSecret,
      secretHint,
      environment,
      paymentModes: input.paymentModes,
    });
    const webhookStatus = !gateway.webhookSetup
      ? 'not_required'
      : connection.webhookStatus === 'not_required'
        ? 'pending'
        : connection.webhookStatus;
    const updated = await updateConnection(tx, { appId: actor.appId, connectionId: connection.id }, {
      currentCredentialsId: credentials.id,
      credentialsStatus: 'submitted',
      webhookStatus,
      ...attemptsAfterSubmit(connection),
    });
    await auditAs(tx, actor, 'credentials.submitted', {
      gateway: input.gateway,
      keyId: input.keyId,
      mode,
      paymentModes: input.paymentModes,
      secretReplaced: Boolean(input.keySecret),
    });
    return updated;
  });
}
