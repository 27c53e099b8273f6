import type { Db } from '@/db';
import { listOtherCredentials } from '@/db/queries/gateway-connections';
import type { getWebhookEndpoint } from '@/db/queries/webhook-endpoints';
import type { GatewayCredentials } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto';
import type { GatewayName } from '@/lib/gateways';
import type { SecretRole } from './signature-diagnosis';

export type Endpoint = NonNullable<Awaited<ReturnType<typeof getWebhookEndpoint>>>;

export type LabelledSecret = {
  secret: string;
  role: SecretRole;
  label: { mode?: 'test' | 'live'; keyIdHint?: string; validUntil?: string };
};

/** Older credential sets tried for a Cashfree mismatch: enough for a switch of mode or two. */
const OTHER_CREDENTIALS = 4;

const credentialsLabel = (c: Pick<GatewayCredentials, 'mode' | 'keyId'>) => ({ mode: c.mode, keyIdHint: c.keyId.slice(-4) });

/**
 * Every secret a delivery might have been signed with, each labelled with its role: those the
 * route accepts, and those it rightly refuses but a merchant may still have in the gateway (a
 * rotated-away webhook secret, the API key secret pasted as the webhook secret, Cashfree
 * credentials of the other mode or since replaced).
 */
export async function diagnosisSecrets(
  db: Db,
  { connection, current, verified }: Endpoint,
  gateway: GatewayName,
  options: { needOthers: boolean },
): Promise<LabelledSecret[]> {
  const sets = [verified, current].filter((c, i, all) => c?.gateway === gateway && all.findIndex((o) => o?.id === c.id) === i);
  if (gateway === 'razorpay') {
    const secrets: LabelledSecret[] = [{ secret: decryptSecret(connection.webhookSecret), role: 'webhook_secret', label: {} }];
    const previousUntil = connection.previousWebhookSecretExpiresAt;
    if (connection.previousWebhookSecret && previousUntil) {
      secrets.push({
        secret: decryptSecret(connection.previousWebhookSecret),
        role: previousUntil > new Date() ? 'previous_webhook_secret' : 'expired_webhook_secret',
        label: { validUntil: previousUntil.toISOString() },
      });
    }
    for (const c of sets) secrets.push({ secret: decryptSecret(c!.secret), role: 'key_secret', label: credentialsLabel(c!) });
    return secrets;
  }
  const secrets: LabelledSecret[] = sets.map((c) => ({
    secret: decryptSecret(c!.secret),
    role: c!.id === verified?.id ? 'client_secret_in_use' : 'client_secret_submitted',
    label: credentialsLabel(c!),
  }));
  if (!options.needOthers) return secrets;
  const mode = (verified ?? current)?.mode;
  const others = await listOtherCredentials(db, {
    connectionId: connection.id,
    gateway,
    excludeIds: sets.map((c) => c!.id),
    limit: OTHER_CREDENTIALS,
  });
  for (const c of others) {
    // The same secret resubmitted is the one already tried.
    const secret = decryptSecret(c.secret);
    if (secrets.some((s) => s.secret === secret)) continue;
    secrets.push({ secret, role: c.mode !== mode ? 'client_secret_other_mode' : 'client_secret_replaced', label: credentialsLabel(c) });
  }
  return secrets;
}
