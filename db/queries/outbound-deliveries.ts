import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { preparedValues } from '../prepared';
import { merchantEvents, outboundAttempts, outboundDeliveries, type MerchantEventType, type OutboundAttempt, type OutboundDelivery } from '../schema';

/** A delivery the worker took: the attempt it now makes, and what it needs to make it. */
export interface ClaimedDelivery {
  eventId: string;
  endpointId: string;
  number: number;
  retryStep: number;
  url: string;
  mode: 'test' | 'live';
  payload: string;
  secretSealed: string;
  previousSecretSealed: string | null;
}

/**
 * Takes up to `limit` due deliveries of enabled endpoints, at most `perEndpoint` of one endpoint
 * in flight at once (so a slow endpoint holds a few slots, not the queue), each by exactly one
 * worker (`for update skip locked`), and opens an in-flight attempt for each. A taken delivery is
 * due again when its lease runs out: if the worker dies, another takes it, and the attempt left in
 * flight is closed as abandoned and counts as failed, so a delivery no worker can finish still
 * runs out of retries (`maxRetries`). The candidates are materialized: computed once, not per
 * due row.
 */
const CLAIM = `
with candidates as materialized (
  select c.event_id, c.endpoint_id
  from merchant_webhook_endpoints ep
  cross join lateral (
    select d.event_id, d.endpoint_id from outbound_deliveries d
    where d.endpoint_id = ep.id and d.status = 'pending' and d.next_attempt_at <= now()
    order by d.next_attempt_at
    limit greatest(0, $3::int - (
      select count(*) from outbound_deliveries f where f.endpoint_id = ep.id and f.in_flight and f.next_attempt_at > now()
    ))
  ) c
  where ep.enabled
), due as (
  select d.event_id, d.endpoint_id, d.retry_step + case when d.in_flight then 1 else 0 end as step
  from outbound_deliveries d
  join candidates c on c.event_id = d.event_id and c.endpoint_id = d.endpoint_id
  where d.status = 'pending' and d.next_attempt_at <= now()
  order by d.next_attempt_at
  limit $1::int
  for update of d skip locked
), abandoned as (
  update outbound_attempts a set status = 'abandoned', finished_at = now(), error = 'The delivery worker stopped before the endpoint answered'
  from due where a.event_id = due.event_id and a.endpoint_id = due.endpoint_id and a.status = 'in_flight'
), given_up as (
  update outbound_deliveries d set status = 'failed', in_flight = false, next_attempt_at = null, retry_step = due.step,
    last_error = 'No attempt finished before the retries ran out', updated_at = now()
  from due where d.event_id = due.event_id and d.endpoint_id = due.endpoint_id and due.step > $4::int
), leased as (
  update outbound_deliveries d set attempts = d.attempts + 1, retry_step = due.step, in_flight = true,
    next_attempt_at = now() + $2::int * interval '1 second', updated_at = now()
  from due where d.event_id = due.event_id and d.endpoint_id = due.endpoint_id and due.step <= $4::int
  returning d.event_id, d.endpoint_id, d.attempts, d.retry_step
), opened as (
  insert into outbound_attempts (event_id, endpoint_id, number, url)
  select l.event_id, l.endpoint_id, l.attempts, ep.url from leased l join merchant_webhook_endpoints ep on ep.id = l.endpoint_id
)
select json_build_object(
  'eventId', l.event_id, 'endpointId', l.endpoint_id, 'number', l.attempts, 'retryStep', l.retry_step, 'url', ep.url, 'mode', ep.mode,
  'payload', ev.payload, 'secretSealed', ep.secret_sealed,
  'previousSecretSealed', case when ep.previous_secret_expires_at > now() then ep.previous_secret_sealed end
)
from leased l
join merchant_webhook_endpoints ep on ep.id = l.endpoint_id
join merchant_events ev on ev.id = l.event_id`;

export function claimDueDeliveries(
  db: Db,
  params: { limit: number; leaseSeconds: number; perEndpoint: number; maxRetries: number },
): Promise<ClaimedDelivery[]> {
  return preparedValues<ClaimedDelivery>(db, 'claim_outbound_deliveries', CLAIM, [params.limit, params.leaseSeconds, params.perEndpoint, params.maxRetries]);
}

export interface AttemptResult {
  succeeded: boolean;
  requestHeaders: Record<string, string>;
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number;
  error: string | null;
  /** null: the schedule is used up (or it succeeded). */
  nextAttemptAt: Date | null;
  /** 410 Gone: the endpoint is disabled at once. */
  gone: boolean;
}

/**
 * Closes an in-flight attempt with what happened, moves its delivery on (succeeded, retried at
 * `nextAttemptAt`, or failed), and keeps the endpoint's health: a success clears `failing_since`,
 * a failure starts it, 410 or failing longer than `disableAfterSeconds` disables the endpoint.
 * Nothing happens if the attempt is no longer in flight (its lease ran out and another worker
 * took the delivery). The delivery row is locked first, as the claim locks it.
 */
const COMPLETE = `
with delivery as (
  update outbound_deliveries d set
    status = case when $10::boolean then 'succeeded' when $11::timestamptz is null then 'failed' else 'pending' end::outbound_delivery_status,
    retry_step = case when $10::boolean then d.retry_step else d.retry_step + 1 end,
    next_attempt_at = case when $10::boolean then null else $11::timestamptz end,
    in_flight = false, last_response_status = $6::int, last_error = $9::text, updated_at = now()
  where d.event_id = $1::text and d.endpoint_id = $2::text and d.attempts = $3::int and d.in_flight
  returning d.endpoint_id
), attempt as (
  update outbound_attempts a set status = $4::text::outbound_attempt_status, request_headers = $5::text::jsonb, response_status = $6::int,
    response_body = $7::text, duration_ms = $8::int, error = $9::text, finished_at = now()
  from delivery where a.event_id = $1::text and a.endpoint_id = $2::text and a.number = $3::int and a.status = 'in_flight'
  returning 1
), verdict as (
  select ep.id, ep.enabled and $12::boolean as gone,
    ep.enabled and not $10::boolean and coalesce(ep.failing_since <= now() - $13::int * interval '1 second', false) as failing_too_long
  from merchant_webhook_endpoints ep join delivery on ep.id = delivery.endpoint_id
), endpoint as (
  update merchant_webhook_endpoints ep set
    failing_since = case when $10::boolean then null else coalesce(ep.failing_since, now()) end,
    enabled = ep.enabled and not (v.gone or v.failing_too_long),
    disabled_reason = case when v.gone then 'gone' when v.failing_too_long then 'failing' else ep.disabled_reason end::endpoint_disabled_reason,
    disabled_at = case when v.gone or v.failing_too_long then now() else ep.disabled_at end,
    updated_at = now()
  from verdict v where ep.id = v.id
  returning ep.enabled
)
select json_build_object('recorded', exists (select from attempt), 'endpointEnabled', (select enabled from endpoint))`;

export async function completeAttempt(
  db: Db,
  attempt: Pick<ClaimedDelivery, 'eventId' | 'endpointId' | 'number'>,
  result: AttemptResult,
  settings: { disableAfterSeconds: number },
): Promise<{ recorded: boolean; endpointEnabled: boolean | null }> {
  const [row] = await preparedValues<{ recorded: boolean; endpointEnabled: boolean | null }>(db, 'complete_outbound_attempt', COMPLETE, [
    attempt.eventId,
    attempt.endpointId,
    attempt.number,
    result.succeeded ? 'succeeded' : 'failed',
    JSON.stringify(result.requestHeaders),
    result.responseStatus,
    result.responseBody,
    result.durationMs,
    result.error,
    result.succeeded,
    result.nextAttemptAt?.toISOString() ?? null,
    result.gone,
    settings.disableAfterSeconds,
  ]);
  return row!;
}

/**
 * Queues `eventId` for the endpoint again now, on a fresh schedule (Resend); also for an event the
 * endpoint never had. False when an attempt is in flight (it is being delivered already).
 */
export async function resendDelivery(db: Db, params: { appId: string; endpointId: string; eventId: string }): Promise<boolean> {
  const rows = await preparedValues<number>(
    db,
    'resend_outbound_delivery',
    `insert into outbound_deliveries (event_id, endpoint_id, app_id, event_type, next_attempt_at)
     select ev.id, ep.id, ep.app_id, ev.type, now() from merchant_events ev
     join merchant_webhook_endpoints ep on ep.id = $2::text and ep.app_id = ev.app_id and ep.mode = ev.mode
     where ev.id = $3::text and ev.app_id = $1::uuid
     on conflict (event_id, endpoint_id) do update set status = 'pending', retry_step = 0, next_attempt_at = now(), updated_at = now()
     where not (outbound_deliveries.in_flight and outbound_deliveries.next_attempt_at > now())
     returning 1`,
    [params.appId, params.endpointId, params.eventId],
  );
  return rows.length > 0;
}

/** Queues again every delivery to the endpoint that failed for good, of events since `since` (Recover). */
export async function recoverFailedDeliveries(db: Db, params: { endpointId: string; since: Date }): Promise<number> {
  const rows = await db
    .update(outboundDeliveries)
    .set({ status: 'pending', retryStep: 0, nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(outboundDeliveries.endpointId, params.endpointId), eq(outboundDeliveries.status, 'failed'), sql`${outboundDeliveries.createdAt} >= ${params.since.toISOString()}::timestamptz`))
    .returning({ eventId: outboundDeliveries.eventId });
  return rows.length;
}

export type DeliveryStatus = OutboundDelivery['status'];

/** A position in an endpoint's delivery log: the delivery's creation (microseconds, UTC) and its event id. */
export type DeliveryKey = { at: string; eventId: string };

// PostgreSQL keeps microseconds, a JS Date milliseconds: the key is the database's own text.
const keyAt = sql<string>`to_char(${outboundDeliveries.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * An endpoint's deliveries, newest first, keyset on (created_at, event_id) from `before`; one row
 * more than `limit` says whether an older page exists. `inFlight`: an attempt is being made now
 * (its `nextAttemptAt` is then the lease, not a retry).
 */
export async function listEndpointDeliveries(
  db: Db,
  params: { endpointId: string; status?: DeliveryStatus; eventType?: MerchantEventType; before?: DeliveryKey; limit: number },
) {
  const d = outboundDeliveries;
  const rows = await db
    .select({
      eventId: d.eventId,
      key: keyAt,
      eventType: d.eventType,
      status: d.status,
      attempts: d.attempts,
      nextAttemptAt: d.nextAttemptAt,
      lastResponseStatus: d.lastResponseStatus,
      lastError: d.lastError,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
      // An attempt taken whose lease has not run out.
      inFlight: sql<boolean>`(${d.inFlight} and ${d.nextAttemptAt} > now())`,
    })
    .from(d)
    .where(
      and(
        eq(d.endpointId, params.endpointId),
        params.status ? eq(d.status, params.status) : undefined,
        params.eventType ? eq(d.eventType, params.eventType) : undefined,
        params.before ? sql`(${d.createdAt}, ${d.eventId}) < (cast(${params.before.at} as timestamptz), cast(${params.before.eventId} as varchar))` : undefined,
      ),
    )
    .orderBy(desc(d.createdAt), desc(d.eventId))
    .limit(params.limit + 1);
  return { rows: rows.slice(0, params.limit), hasMore: rows.length > params.limit };
}

export type DeliveryRow = Awaited<ReturnType<typeof listEndpointDeliveries>>['rows'][number];

/** One delivery with its event's body and every attempt, newest first; null when not the endpoint's. */
export async function getDelivery(db: Db, params: { endpointId: string; eventId: string }) {
  const [delivery] = await db
    .select({ delivery: outboundDeliveries, payload: merchantEvents.payload })
    .from(outboundDeliveries)
    .innerJoin(merchantEvents, eq(merchantEvents.id, outboundDeliveries.eventId))
    .where(and(eq(outboundDeliveries.endpointId, params.endpointId), eq(outboundDeliveries.eventId, params.eventId)));
  if (!delivery) return null;
  const attemptLog: OutboundAttempt[] = await db
    .select()
    .from(outboundAttempts)
    .where(and(eq(outboundAttempts.endpointId, params.endpointId), eq(outboundAttempts.eventId, params.eventId)))
    .orderBy(desc(outboundAttempts.number));
  // `attempts` is the delivery's count; the attempts themselves are its `attemptLog`.
  return { ...delivery.delivery, payload: delivery.payload, attemptLog };
}

/** Whether `eventId` is the app's, in `mode`. */
export async function eventExists(db: Db, params: { appId: string; eventId: string; mode: 'test' | 'live' }): Promise<boolean> {
  const rows = await db
    .select({ id: merchantEvents.id })
    .from(merchantEvents)
    .where(and(eq(merchantEvents.appId, params.appId), eq(merchantEvents.id, params.eventId), eq(merchantEvents.mode, params.mode)));
  return rows.length > 0;
}

/** Events (with their deliveries and attempts) kept this long once nothing is left to deliver. */
export const EVENT_RETENTION_DAYS = 90;

/** Deletes events older than the retention whose deliveries are all finished. */
export async function pruneMerchantEvents(db: Db) {
  await db.delete(merchantEvents).where(
    and(
      sql`${merchantEvents.createdAt} < now() - ${EVENT_RETENTION_DAYS} * interval '1 day'`,
      sql`not exists (select from ${outboundDeliveries} where ${outboundDeliveries.eventId} = ${merchantEvents.id} and ${outboundDeliveries.status} = 'pending')`,
    ),
  );
}
