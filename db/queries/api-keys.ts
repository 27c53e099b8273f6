import { and, desc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { apiKeys, apps, gatewayConnections, gatewayCredentials } from '../schema';

type Kind = (typeof apiKeys.$inferSelect)['kind'];
type Mode = (typeof apiKeys.$inferSelect)['mode'];

// Evaluated with the database clock, so every instance agrees on what has expired.
const isUsable = sql<boolean>`(${apiKeys.revokedAt} is null and (${apiKeys.expiresAt} is null or ${apiKeys.expiresAt} > now()))`;
const secondsFromNow = (seconds: number) => sql`now() + (${seconds}::integer * interval '1 second')`;

/** Everything about a key except its hash, which never leaves the database layer. */
const keyColumns = {
  id: apiKeys.id,
  kind: apiKeys.kind,
  mode: apiKeys.mode,
  displayPrefix: apiKeys.displayPrefix,
  status: sql<'active' | 'expiring' | 'expired' | 'revoked'>`case
    when ${apiKeys.revokedAt} is not null then 'revoked'
    when ${apiKeys.expiresAt} is null then 'active'
    when ${apiKeys.expiresAt} > now() then 'expiring'
    else 'expired' end`,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  expiresAt: apiKeys.expiresAt,
};

export type ApiKeyRow = Awaited<ReturnType<typeof listApiKeys>>[number];

export async function listApiKeys(db: Db, params: { appId: string; limit?: number }) {
  return db
    .select(keyColumns)
    .from(apiKeys)
    .where(eq(apiKeys.appId, params.appId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.kind))
    .limit(params.limit ?? 50);
}

/**
 * Serialises key changes for one app until the transaction ends, so two concurrent "Generate"
 * clicks cannot both issue keys. `no key update` still lets other rows reference the app.
 */
export async function lockAppForKeyChange(db: Db, params: { appId: string }) {
  const [row] = await db.select({ id: apps.id }).from(apps).where(eq(apps.id, params.appId)).for('no key update');
  return !!row;
}

export async function countUsableApiKeys(db: Db, params: { appId: string; mode: Mode; kind?: Kind }) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::integer` })
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.appId, params.appId),
        eq(apiKeys.mode, params.mode),
        params.kind ? eq(apiKeys.kind, params.kind) : undefined,
        isUsable,
      ),
    );
  return row?.count ?? 0;
}

export async function insertApiKey(
  db: Db,
  params: { appId: string; kind: Kind; mode: Mode; tokenHash: string; displayPrefix: string },
) {
  const [row] = await db.insert(apiKeys).values(params).returning(keyColumns);
  return row!;
}

/** One public key per app at a time: issuing one for a new mode retires the other mode's. */
export async function revokeOtherModePublicKeys(db: Db, params: { appId: string; mode: Mode }) {
  return db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(
      and(eq(apiKeys.appId, params.appId), eq(apiKeys.kind, 'public'), ne(apiKeys.mode, params.mode), isNull(apiKeys.revokedAt)),
    )
    .returning(keyColumns);
}

/** Usable secret keys of the mode stop working `seconds` from now (never later than already set). */
export async function expireSecretKeys(db: Db, params: { appId: string; mode: Mode; seconds: number }) {
  const deadline = secondsFromNow(params.seconds);
  return db
    .update(apiKeys)
    .set({ expiresAt: deadline })
    .where(
      and(
        eq(apiKeys.appId, params.appId),
        eq(apiKeys.kind, 'secret'),
        eq(apiKeys.mode, params.mode),
        isNull(apiKeys.revokedAt),
        or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, deadline)),
      ),
    )
    .returning(keyColumns);
}

export async function getApiKey(db: Db, params: { appId: string; keyId: string }) {
  const [row] = await db
    .select(keyColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.id, params.keyId), eq(apiKeys.appId, params.appId)));
  return row ?? null;
}

/** Revokes the app's secret key; null when it is not there or already revoked. */
export async function revokeSecretKey(db: Db, params: { appId: string; keyId: string }) {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(apiKeys.id, params.keyId),
        eq(apiKeys.appId, params.appId),
        eq(apiKeys.kind, 'secret'),
        isNull(apiKeys.revokedAt),
      ),
    )
    .returning(keyColumns);
  return row ?? null;
}

/**
 * For authenticating a request: the key with this hash, whoever owns it (the token is the
 * credential), with whether it is usable right now, and its app's verified gateway credentials
 * (null before verification), read with the key so that an API request needs no second query for
 * them: the key check wants their mode, creating an order the credentials.
 */
export async function findApiKeyByHash(db: Db, params: { tokenHash: string; touchIntervalSeconds: number }) {
  const [row] = await db
    .select({
      id: apiKeys.id,
      appId: apiKeys.appId,
      kind: apiKeys.kind,
      mode: apiKeys.mode,
      tokenHash: apiKeys.tokenHash,
      usable: isUsable,
      // Whether `last_used_at` is due a refresh: most requests then skip the write's round trip.
      touchDue: sql<boolean>`(${apiKeys.lastUsedAt} is null or ${apiKeys.lastUsedAt} < now() - (${params.touchIntervalSeconds}::integer * interval '1 second'))`,
      endpointId: gatewayConnections.webhookEndpointId,
      credentials: gatewayCredentials,
    })
    .from(apiKeys)
    .leftJoin(gatewayConnections, eq(gatewayConnections.appId, apiKeys.appId))
    .leftJoin(
      gatewayCredentials,
      and(eq(gatewayCredentials.id, gatewayConnections.verifiedCredentialsId), eq(gatewayCredentials.connectionId, gatewayConnections.id)),
    )
    .where(eq(apiKeys.tokenHash, params.tokenHash));
  if (!row) return null;
  const { endpointId, credentials, ...key } = row;
  return { ...key, verified: credentials && endpointId ? { endpointId, credentials } : null };
}

/** Why a key that failed to authenticate failed: revoked, expired, or (null) not ours at all. */
export async function describeApiKey(db: Db, params: { tokenHash: string }) {
  const [row] = await db.select({ status: keyColumns.status }).from(apiKeys).where(eq(apiKeys.tokenHash, params.tokenHash));
  return row ?? null;
}

/** Records use at most once per interval: a conditional update, not a write on every request. */
export async function touchApiKeyLastUsed(db: Db, params: { keyId: string; intervalSeconds: number }) {
  const rows = await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiKeys.id, params.keyId),
        or(
          isNull(apiKeys.lastUsedAt),
          sql`${apiKeys.lastUsedAt} < now() - (${params.intervalSeconds}::integer * interval '1 second')`,
        ),
      ),
    )
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}
