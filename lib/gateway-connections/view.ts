import type { Db } from '@/db';
import { countUsableApiKeys } from '@/db/queries/api-keys';
import { getConnection, getCredentials, getVerifiedMode } from '@/db/queries/gateway-connections';
import { listAttempts } from '@/db/queries/verification-attempts';
import type { GatewayConnection, GatewayCredentials } from '@/db/schema';
import { createOrderBlocker, MAX_ATTEMPTS } from './rules';
import { RAZORPAY_WEBHOOK_EVENTS, webhookUrl } from './webhook-url';

export type CredentialsStatus = GatewayConnection['credentialsStatus'];
export type StepStatus = GatewayConnection['webhookStatus'];
export type SecurityStatus = 'pending' | 'done';
/** Every value a wizard step's status can take; components/payment-gateway/status-labels.ts names them. */
export type WizardStatus = CredentialsStatus | StepStatus | SecurityStatus;
export type WizardStatuses = { credentials: CredentialsStatus; webhook: StepStatus; npm: StepStatus; security: SecurityStatus };

function statusesOf(
  connection: Pick<GatewayConnection, 'credentialsStatus' | 'webhookStatus' | 'npmStatus' | 'verifiedCredentialsId'> | null,
  hasKeys: boolean,
): WizardStatuses {
  return {
    credentials: connection?.credentialsStatus ?? 'pending',
    webhook: connection?.webhookStatus ?? 'pending',
    npm: connection?.npmStatus ?? 'pending',
    security: connection?.verifiedCredentialsId && hasKeys ? 'done' : 'pending',
  };
}

/** Whether the app has usable keys in the mode of its verified credentials. */
const hasUsableKeys = async (db: Db, appId: string, mode: 'test' | 'live' | null) =>
  mode !== null && (await countUsableApiKeys(db, { appId, mode })) > 0;

/** The four steps' statuses, without creating anything (App Overview). */
export async function loadStepStatuses(db: Db, app: { id: string }) {
  const [connection, mode] = await Promise.all([getConnection(db, { appId: app.id }), getVerifiedMode(db, { appId: app.id })]);
  return statusesOf(connection, await hasUsableKeys(db, app.id, mode));
}

/** Credentials as the browser may see them: never the secret, only its last four characters. */
function publicCredentials(c: GatewayCredentials | null) {
  if (!c) return null;
  return {
    gateway: c.gateway,
    mode: c.mode,
    keyId: c.keyId,
    secretHint: c.secretHint,
    environment: c.environment as 'sandbox' | 'production' | null,
    paymentModes: c.paymentModes,
    verifiedAt: c.verifiedAt?.toISOString() ?? null,
  };
}

/** What a connection that does not exist yet looks like: nothing started. */
const NOT_STARTED = {
  credentialsStatus: 'pending',
  webhookStatus: 'pending',
  npmStatus: 'pending',
  currentCredentialsId: null,
  verifiedCredentialsId: null,
  attemptsAllowed: 1,
  attemptsUsed: 0,
  lastFailure: null,
  verifyingSince: null,
  webhookEndpointId: null,
  previousWebhookSecretExpiresAt: null,
  webhookLastEventAt: null,
} as const;

/**
 * Everything the wizard page shows, safe to send to the browser. Read-only: before the first
 * action creates the connection, everything is "not started" and there is no webhook URL yet.
 */
export async function loadWizard(db: Db, app: { id: string }) {
  const connection = (await getConnection(db, { appId: app.id })) ?? null;
  const state = connection ?? NOT_STARTED;
  const credentialsOf = (id: string | null) =>
    connection && id ? getCredentials(db, { connectionId: connection.id, credentialsId: id }) : Promise.resolve(null);
  const [current, verified, attempts] = await Promise.all([
    credentialsOf(state.currentCredentialsId),
    credentialsOf(state.verifiedCredentialsId),
    connection ? listAttempts(db, { connectionId: connection.id, limit: 5 }) : Promise.resolve([]),
  ]);
  const keys = await hasUsableKeys(db, app.id, verified?.mode ?? null);
  const gateway = current?.gateway ?? 'razorpay';
  const lastSuccess = attempts.find((a) => a.outcome === 'succeeded');
  return {
    statuses: statusesOf(state, keys),
    credentials: publicCredentials(current),
    verifiedCredentials: publicCredentials(verified),
    verified: state.verifiedCredentialsId !== null,
    lastFailure: state.lastFailure,
    attemptsLeft: Math.max(0, state.attemptsAllowed - state.attemptsUsed),
    attemptsUsed: state.attemptsUsed,
    maxAttempts: MAX_ATTEMPTS,
    createOrderBlocker: createOrderBlocker(state),
    lastVerification: lastSuccess
      ? { gatewayOrderId: lastSuccess.gatewayOrderId, at: lastSuccess.finishedAt?.toISOString() ?? null }
      : null,
    attempts: attempts.map((a) => ({
      number: a.attemptNumber,
      outcome: a.outcome,
      errorKind: a.errorKind,
      message: a.errorMessage,
      gatewayOrderId: a.gatewayOrderId,
      at: a.createdAt.toISOString(),
    })),
    webhook: {
      required: gateway === 'razorpay',
      /** Null until the connection exists (the first submit, reveal or mark-as-done creates it). */
      url: state.webhookEndpointId ? webhookUrl('razorpay', state.webhookEndpointId) : null,
      events: RAZORPAY_WEBHOOK_EVENTS,
      previousSecretValidUntil:
        state.previousWebhookSecretExpiresAt && state.previousWebhookSecretExpiresAt > new Date()
          ? state.previousWebhookSecretExpiresAt.toISOString()
          : null,
      lastEventAt: state.webhookLastEventAt?.toISOString() ?? null,
    },
  };
}

export type WizardView = Awaited<ReturnType<typeof loadWizard>>;
