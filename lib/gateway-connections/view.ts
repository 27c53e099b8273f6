import type { Db } from '@/db';
import { countUsableApiKeys } from '@/db/queries/api-keys';
import { getConnection, getCredentials, getVerifiedMode } from '@/db/queries/gateway-connections';
import { getLastFailureMessage, listAttempts, listVerifications } from '@/db/queries/verification-attempts';
import { getRecentRejections } from '@/db/queries/webhook-event-log';
import { getLastWebhookEventAt } from '@/db/queries/webhook-events';
import type { GatewayConnection, GatewayCredentials } from '@/db/schema';
import { GATEWAYS } from '@/lib/gateways/descriptors';
import { attemptsLeft, createOrderBlocker, MAX_ATTEMPTS } from './rules';
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
function publicCredentials(c: GatewayCredentials | null, verifications: Awaited<ReturnType<typeof listVerifications>>) {
  if (!c) return null;
  return {
    gateway: c.gateway,
    mode: c.mode,
    keyId: c.keyId,
    secretHint: c.secretHint,
    environment: c.environment as 'sandbox' | 'production' | null,
    paymentModes: c.paymentModes,
    verifiedAt: verifications.get(c.id)?.at.toISOString() ?? null,
  };
}

/** What a connection that does not exist yet looks like: nothing started. */
const NOT_STARTED = {
  credentialsStatus: 'pending',
  webhookStatus: 'pending',
  npmStatus: 'pending',
  currentCredentialsId: null,
  verifiedCredentialsId: null,
  attemptsUsed: 0,
  verifyingSince: null,
  webhookEndpointId: null,
  previousWebhookSecretExpiresAt: null,
} as const;

/** What the connection's own rows say: its credentials, attempts and webhook events. */
async function loadHistory(db: Db, connection: GatewayConnection) {
  const connectionId = connection.id;
  const credentialsOf = (id: string | null) => (id ? getCredentials(db, { connectionId, credentialsId: id }) : null);
  // A failure belongs to this cycle while failures are counted and nothing verified since.
  const failed = connection.attemptsUsed > 0 && connection.credentialsStatus !== 'verified';
  const ids = [connection.currentCredentialsId, connection.verifiedCredentialsId].filter((id) => id !== null);
  const [current, verified, attempts, lastFailure, verifications, lastEventAt, rejections] = await Promise.all([
    credentialsOf(connection.currentCredentialsId),
    credentialsOf(connection.verifiedCredentialsId),
    listAttempts(db, { connectionId, limit: 5 }),
    failed ? getLastFailureMessage(db, { connectionId }) : null,
    listVerifications(db, { connectionId, credentialsIds: [...new Set(ids)] }),
    getLastWebhookEventAt(db, { connectionId }),
    getRecentRejections(db, { connectionId, hours: 24 }),
  ]);
  return { current, verified, attempts, lastFailure, verifications, lastEventAt, rejections };
}

const NO_HISTORY = {
  current: null,
  verified: null,
  attempts: [],
  lastFailure: null,
  verifications: new Map(),
  lastEventAt: null,
  rejections: { count: 0, latest: null },
} satisfies Awaited<ReturnType<typeof loadHistory>>;

/**
 * Everything the wizard page shows, safe to send to the browser. Read-only: before the first
 * action creates the connection, everything is "not started" and there is no webhook URL yet.
 */
export async function loadWizard(db: Db, app: { id: string }) {
  const connection = await getConnection(db, { appId: app.id });
  const state = connection ?? NOT_STARTED;
  const { current, verified, attempts, lastFailure, verifications, lastEventAt, rejections } = connection
    ? await loadHistory(db, connection)
    : NO_HISTORY;
  const keys = await hasUsableKeys(db, app.id, verified?.mode ?? null);
  const gateway = current?.gateway ?? 'razorpay';
  // The test order that verified the credentials in use, however many attempts came after it.
  const verification = verified ? verifications.get(verified.id) : undefined;
  return {
    statuses: statusesOf(state, keys),
    credentials: publicCredentials(current, verifications),
    verifiedCredentials: publicCredentials(verified, verifications),
    verified: state.verifiedCredentialsId !== null,
    lastFailure,
    attemptsLeft: attemptsLeft(state),
    attemptsUsed: state.attemptsUsed,
    maxAttempts: MAX_ATTEMPTS,
    createOrderBlocker: createOrderBlocker(state),
    lastVerification: verification
      ? { gatewayOrderId: verification.gatewayOrderId, at: verification.at.toISOString() }
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
      required: GATEWAYS[gateway].webhookSetup,
      /** Null until the connection exists (the first submit, reveal or mark-as-done creates it). */
      url: state.webhookEndpointId ? webhookUrl('razorpay', state.webhookEndpointId) : null,
      events: RAZORPAY_WEBHOOK_EVENTS,
      previousSecretValidUntil:
        state.previousWebhookSecretExpiresAt && state.previousWebhookSecretExpiresAt > new Date()
          ? state.previousWebhookSecretExpiresAt.toISOString()
          : null,
      lastEventAt: lastEventAt?.toISOString() ?? null,
      /** Deliveries refused in the last 24 hours, and the likely cause of the latest. */
      rejected24h: rejections.count,
      latestRejectionCause: rejections.latest?.likelyCause ?? null,
    },
  };
}

export type WizardView = Awaited<ReturnType<typeof loadWizard>>;
