import type { Db } from '../client';
import { preparedValues } from '../prepared';
import type { DeliveryOutcome, Order, Payment, Refund, WebhookEvent } from '../schema';
import type { OutboxEvent } from '@/lib/outbound-webhooks/catalogue';

/** A verified delivery (or a sync observation) as the log keeps it. */
export type Delivery = Pick<
  WebhookEvent,
  'appId' | 'connectionId' | 'gateway' | 'source' | 'eventId' | 'eventType' | 'dedupKey' | 'bodySha256' | 'gatewayOrderId' | 'gatewayPaymentId' | 'headers' | 'payload'
>;

/** A payment's new state, its refunds whose state changed, and the order's status after them. */
export interface PaymentWrite {
  payment: Pick<Payment, 'gatewayPaymentId' | 'status' | 'method' | 'amount' | 'currency' | 'errorCode' | 'errorDescription' | 'amountRefunded'>;
  refunds: Pick<Refund, 'gatewayRefundId' | 'amount' | 'status'>[];
  orderStatus: Order['status'];
}

/**
 * One statement, so one transaction: with the order row still at `version` (locked while it
 * runs), the delivery claims its dedup key with its outcome, or is logged as a duplicate when the
 * key is taken; a claimed one writes its payment, refunds and the order. The order row is written
 * whenever its payments are: that bumps its version (xmin), which is what a concurrent writer
 * checks. The lock comes before the key, in every writer, so copies cannot deadlock: a copy waits
 * on the key only for a transaction that already holds the order.
 *
 * The merchant's events for the change go into the outbox in the same statement, queued for each
 * endpoint of the app and mode that wants them: a change and its events commit together or not at
 * all, and a duplicate or stale delivery (nothing written) makes none.
 */
const APPLY = `
with current_order as (
  select o.id from orders o where o.app_id = $1::uuid and o.id = $11::text and o.xmin::text = $12::text for update
), go as (
  select where $11::text is null or exists (select from current_order)
), claimed as (
  insert into webhook_events (app_id, connection_id, gateway, source, outcome, event_id, event_type, dedup_key, body_sha256, gateway_order_id, order_id, gateway_payment_id, headers, payload)
  select $1::uuid, $2::uuid, $3::text::gateway_name, $4::text::event_source, $5::text::delivery_outcome, $6::text, $7::text, $8::text, $9::text, $10::text, $11::text, $13::text, $14::text::jsonb, $15::text
  from go
  on conflict (app_id, gateway, dedup_key) do nothing
  returning id
), copy as (
  insert into webhook_events (app_id, connection_id, gateway, source, outcome, event_id, event_type, body_sha256, gateway_order_id, gateway_payment_id, headers, payload)
  select $1::uuid, $2::uuid, $3::text::gateway_name, $4::text::event_source, 'duplicate'::delivery_outcome, $6::text, $7::text, $9::text, $10::text, $13::text, $14::text::jsonb, $15::text
  from go where not exists (select from claimed)
), payment as (
  insert into payments (app_id, order_id, gateway, gateway_payment_id, status, method, amount, currency, error_code, error_description, amount_refunded)
  select $1::uuid, $11::text, $3::text::gateway_name, $16::text, $17::text::payment_status, $18::text, $19::bigint, $20::text, $21::text, $22::text, $23::bigint
  from claimed where $17::text is not null
  on conflict (app_id, gateway, gateway_payment_id) do update set
    status = excluded.status, method = excluded.method, error_code = excluded.error_code,
    error_description = excluded.error_description, amount_refunded = excluded.amount_refunded, updated_at = now()
  returning id
), refund as (
  insert into refunds (app_id, payment_id, gateway, gateway_refund_id, amount, status)
  select $1::uuid, payment.id, $3::text::gateway_name, r.id, r.amount, r.status::refund_status
  from payment cross join json_to_recordset($24::text::json) as r(id text, amount bigint, status text)
  on conflict (app_id, gateway, gateway_refund_id) do update set status = excluded.status, updated_at = now()
), touched as (
  -- Written even when its status stays (that bumps the version); updated_at, which an index holds,
  -- only when it moves, so such an update can stay HOT.
  update orders set status = $25::text::order_status,
    updated_at = case when status = $25::text::order_status then updated_at else now() end
  where app_id = $1::uuid and id = $11::text and exists (select from payment)
), events as (
  insert into merchant_events (id, app_id, mode, type, order_id, payload)
  select e.id, $1::uuid, e.mode::gateway_mode, e.type::merchant_event_type, $11::text, e.payload
  from json_to_recordset($26::text::json) as e(id text, type text, mode text, payload text)
  where exists (select from payment)
  returning id, type, mode
), queued as (
  -- A disabled endpoint's copy is logged as not sent, for Recover to send once it is enabled again.
  insert into outbound_deliveries (event_id, endpoint_id, app_id, event_type, status, next_attempt_at, last_error)
  select ev.id, ep.id, $1::uuid, ev.type,
    case when ep.enabled then 'pending' else 'failed' end::outbound_delivery_status,
    case when ep.enabled then now() end,
    case when not ep.enabled then 'Not sent: the endpoint was disabled' end
  from events ev join merchant_webhook_endpoints ep on ep.app_id = $1::uuid and ep.mode = ev.mode and ev.type = any(ep.events)
  returning status
)
select json_build_object(
  'current', exists (select from go), 'claimed', exists (select from claimed), 'queued', (select count(*) from queued where status = 'pending')
)`;

/**
 * Records `delivery` with `outcome` and, when claimed, applies `write` to the order (`order` null:
 * no order of ours) with its `events`. `current` false: the order changed since `version` was
 * read, nothing was written, read it again. `claimed` false: a copy of a delivery already recorded
 * (logged as `duplicate`, nothing applied). `queued`: deliveries to the merchant's endpoints.
 */
export async function applyDelivery(
  db: Db,
  delivery: Delivery,
  target: {
    order: { id: string; version: string } | null;
    outcome: Exclude<DeliveryOutcome, 'duplicate' | 'rejected'>;
    write: PaymentWrite | null;
    events: OutboxEvent[];
  },
): Promise<{ current: boolean; claimed: boolean; queued: number }> {
  const { order, outcome, write, events } = target;
  const [result] = await preparedValues<{ current: boolean; claimed: boolean; queued: number }>(db, 'apply_delivery', APPLY, [
    delivery.appId,
    delivery.connectionId,
    delivery.gateway,
    delivery.source,
    outcome,
    delivery.eventId,
    delivery.eventType,
    delivery.dedupKey,
    delivery.bodySha256,
    delivery.gatewayOrderId,
    order?.id ?? null,
    order?.version ?? null,
    delivery.gatewayPaymentId,
    JSON.stringify(delivery.headers),
    delivery.payload,
    write?.payment.gatewayPaymentId ?? null,
    write?.payment.status ?? null,
    write?.payment.method ?? null,
    write?.payment.amount ?? null,
    write?.payment.currency ?? null,
    write?.payment.errorCode ?? null,
    write?.payment.errorDescription ?? null,
    write?.payment.amountRefunded ?? null,
    JSON.stringify((write?.refunds ?? []).map((r) => ({ id: r.gatewayRefundId, amount: r.amount, status: r.status }))),
    write?.orderStatus ?? null,
    JSON.stringify(events),
  ]);
  return result!;
}
