import type { Db } from '../client';
import { preparedValues } from '../prepared';

/** How long a key's first answer is replayed. */
export const IDEMPOTENCY_TTL_HOURS = 24;

export type RateCount = {
  /** This minute's requests for the key, this one included; `previous`: the minute before's. */
  current: number;
  previous: number;
  elapsedSeconds: number;
  /** The sliding-window estimate of the last 60 s: this minute plus the part of the previous one still in it. */
  estimate: number;
  allowed: boolean;
};

/**
 * A merchant-API request's bookkeeping in one statement (one round trip, one commit), either part
 * optional: `hit` counts it in its key's current minute (a shared counter, so the limit holds
 * across instances) and `verdict` judges the sliding window against the limit; `claim` then takes
 * the Idempotency-Key, only when the request is within the limit, so a refused request claims
 * nothing. The claim: a key older than the TTL starts over, a running claim past `locked_until`
 * (its instance died) is taken over by the same request; otherwise the existing row decides.
 *
 * Committed without waiting for the WAL flush (`synchronous_commit` off for this statement's own
 * transaction), which spares the request a disk flush. A crash can lose only the last fraction of
 * a second of these writes: some counts (harmless), or a claim whose request had not yet written
 * anything durable — its order insert or its stored answer would have flushed the claim with
 * itself, WAL being flushed in order — so a retry then runs it, as it would after the lock expired.
 */
const ADMIT = `
with no_flush_wait as (
  select set_config('synchronous_commit', 'off', true)
), hit as (
  insert into api_rate_windows as w (key_id, window_start, count)
  select $1::uuid, date_trunc('minute', now()), 1 where $1::uuid is not null
  on conflict (key_id, window_start) do update set count = w.count + 1
  returning w.count as current,
    coalesce((select p.count from api_rate_windows p
      where p.key_id = $1::uuid and p.window_start = date_trunc('minute', now()) - interval '1 minute'), 0) as previous,
    extract(epoch from now() - date_trunc('minute', now()))::float8 as elapsed
), verdict as (
  select h.current, h.previous, h.elapsed, h.estimate, coalesce(h.estimate <= $2::integer, true) as allowed
  from (select 1) as one
  left join (select *, current + previous * greatest(0, (60 - elapsed) / 60) as estimate from hit) as h on true
), claim as (
  insert into api_idempotency_keys as k (app_id, mode, key, request_hash, locked_until)
  select $3::uuid, $4::text::gateway_mode, $5::text, $6::text, now() + $7::integer * interval '1 second'
  from verdict where allowed and $3::uuid is not null
  on conflict (app_id, mode, key) do update set
    request_hash = excluded.request_hash, state = 'running', response_status = null, response_body = null,
    locked_until = excluded.locked_until, created_at = now()
  where k.created_at < now() - ${IDEMPOTENCY_TTL_HOURS} * interval '1 hour'
    or (k.state = 'running' and k.locked_until < now() and k.request_hash = excluded.request_hash)
  returning k.key
)
select json_build_object(
  'rate', case when current is null then null else json_build_object(
    'current', current, 'previous', previous, 'elapsedSeconds', elapsed, 'estimate', estimate, 'allowed', allowed) end,
  'claimed', exists (select from claim))
from verdict, no_flush_wait`;

type Claim = { appId: string; mode: 'test' | 'live'; key: string; requestHash: string; lockSeconds: number };

/**
 * `rate`: counts the request against `keyId` (null without it). `claimed`: whether this request
 * should run under its Idempotency-Key (false without `claim`, or when the rate limit refused it).
 */
export async function admitApiRequest(db: Db, params: { rate?: { keyId: string; limitPerMinute: number }; claim?: Claim }) {
  const { rate, claim } = params;
  const [row] = await preparedValues<{ rate: RateCount | null; claimed: boolean }>(db, 'admit_api_request', ADMIT, [
    rate?.keyId ?? null,
    rate?.limitPerMinute ?? null,
    claim?.appId ?? null,
    claim?.mode ?? null,
    claim?.key ?? null,
    claim?.requestHash ?? null,
    claim?.lockSeconds ?? null,
  ]);
  return row!;
}
