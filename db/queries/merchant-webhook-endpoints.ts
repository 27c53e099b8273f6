import { and, asc, count, eq, getTableColumns, inArray, isNotNull, not, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { merchantEvents, merchantWebhookEndpoints, outboundDeliveries, type MerchantEventType, type MerchantWebhookEndpoint } from '../schema';

type Mode = MerchantWebhookEndpoint['mode'];

/** An endpoint without its sealed secrets: what pages and the API may see. */
export type EndpointRow = Omit<MerchantWebhookEndpoint, 'secretSealed' | 'previousSecretSealed'>;

const columns = (() => {
  const { secretSealed, previousSecretSealed, ...rest } = getTableColumns(merchantWebhookEndpoints);
  void secretSealed;
  void previousSecretSealed;
  return rest;
})();

export async function insertEndpoint(
  db: Db,
  values: Pick<MerchantWebhookEndpoint, 'id' | 'appId' | 'mode' | 'url' | 'description' | 'events' | 'secretSealed'>,
): Promise<EndpointRow> {
  const [row] = await db.insert(merchantWebhookEndpoints).values(values).returning(columns);
  return row!;
}

export function listEndpoints(db: Db, params: { appId: string; mode?: Mode }): Promise<EndpointRow[]> {
  return db
    .select(columns)
    .from(merchantWebhookEndpoints)
    .where(and(eq(merchantWebhookEndpoints.appId, params.appId), params.mode ? eq(merchantWebhookEndpoints.mode, params.mode) : undefined))
    .orderBy(asc(merchantWebhookEndpoints.createdAt), asc(merchantWebhookEndpoints.id));
}

/** The app's endpoint `id` (in `mode` when given); null for another app's or a missing one. */
export async function getEndpoint(db: Db, params: { appId: string; id: string; mode?: Mode }): Promise<EndpointRow | null> {
  const [row] = await db
    .select(columns)
    .from(merchantWebhookEndpoints)
    .where(scope(params));
  return row ?? null;
}

/** The endpoint's sealed secrets (for Reveal); null when not the app's. */
export async function getEndpointSecrets(db: Db, params: { appId: string; id: string }) {
  const [row] = await db
    .select({
      secretSealed: merchantWebhookEndpoints.secretSealed,
      previousSecretSealed: merchantWebhookEndpoints.previousSecretSealed,
      previousSecretExpiresAt: merchantWebhookEndpoints.previousSecretExpiresAt,
    })
    .from(merchantWebhookEndpoints)
    .where(scope(params));
  return row ?? null;
}

const scope = (params: { appId: string; id: string; mode?: Mode }) =>
  and(
    eq(merchantWebhookEndpoints.appId, params.appId),
    eq(merchantWebhookEndpoints.id, params.id),
    params.mode ? eq(merchantWebhookEndpoints.mode, params.mode) : undefined,
  );

export async function updateEndpoint(
  db: Db,
  params: { appId: string; id: string },
  changes: Partial<Pick<MerchantWebhookEndpoint, 'url' | 'description' | 'events'>> & { enabled?: boolean },
): Promise<EndpointRow | null> {
  const { enabled, ...rest } = changes;
  const toggle =
    enabled === undefined
      ? {}
      : enabled
        ? { enabled: true, disabledReason: null, disabledAt: null, failingSince: null }
        : { enabled: false, disabledReason: 'manual' as const, disabledAt: sql`now()` };
  const [row] = await db
    .update(merchantWebhookEndpoints)
    .set({ ...rest, ...toggle, updatedAt: sql`now()` })
    .where(scope(params))
    .returning(columns);
  return row ?? null;
}

/** The new secret signs from now; the current one keeps signing beside it until `previousExpiresAt`. */
export async function rotateEndpointSecret(db: Db, params: { appId: string; id: string; secretSealed: string; previousExpiresAt: Date }) {
  const [row] = await db
    .update(merchantWebhookEndpoints)
    .set({
      previousSecretSealed: merchantWebhookEndpoints.secretSealed,
      previousSecretExpiresAt: params.previousExpiresAt,
      secretSealed: params.secretSealed,
      updatedAt: sql`now()`,
    })
    .where(scope(params))
    .returning(columns);
  return row ?? null;
}

export async function deleteEndpoint(db: Db, params: { appId: string; id: string; mode?: Mode }): Promise<boolean> {
  const rows = await db.delete(merchantWebhookEndpoints).where(scope(params)).returning({ id: merchantWebhookEndpoints.id });
  return rows.length > 0;
}

/** A `webhook.test` event queued for one endpoint only (Send test event). */
export async function queueTestEvent(db: Db, params: { appId: string; endpointId: string; event: { id: string; mode: Mode; payload: string } }) {
  await db.transaction(async (tx) => {
    await tx.insert(merchantEvents).values({ id: params.event.id, appId: params.appId, mode: params.event.mode, type: 'webhook.test', payload: params.event.payload });
    await tx.insert(outboundDeliveries).values({
      eventId: params.event.id,
      endpointId: params.endpointId,
      appId: params.appId,
      eventType: 'webhook.test' satisfies MerchantEventType,
      nextAttemptAt: sql`now()`,
    });
  });
}

/**
 * The app's endpoints in trouble, for the Overview's health panel: enabled ones whose last attempt
 * failed (`failing_since`), and those the worker disabled (410 Gone, failing too long), longest first.
 */
export function listFailingEndpoints(db: Db, params: { appId: string }) {
  const ep = merchantWebhookEndpoints;
  return db
    .select({
      id: ep.id,
      mode: ep.mode,
      url: ep.url,
      enabled: ep.enabled,
      disabledReason: ep.disabledReason,
      disabledAt: ep.disabledAt,
      failingSince: ep.failingSince,
    })
    .from(ep)
    .where(
      and(
        eq(ep.appId, params.appId),
        or(and(ep.enabled, isNotNull(ep.failingSince)), and(not(ep.enabled), inArray(ep.disabledReason, ['gone', 'failing']))),
      ),
    )
    .orderBy(asc(sql`coalesce(${ep.failingSince}, ${ep.disabledAt})`), asc(ep.id));
}

/** How many endpoints the app has, in both modes. */
export async function countEndpoints(db: Db, params: { appId: string; mode?: Mode }): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(merchantWebhookEndpoints)
    .where(and(eq(merchantWebhookEndpoints.appId, params.appId), params.mode ? eq(merchantWebhookEndpoints.mode, params.mode) : undefined));
  return row?.total ?? 0;
}
