import type { Db } from '@/db';
import { getOrder } from '@/db/queries/orders';
import { listOrderPayments } from '@/db/queries/payments';
import { getOrderEvent, listOrderEvents } from '@/db/queries/transactions';
import { formatDateTimeIst, formatMoney } from '@/lib/format';
import type { OrderDetailResponse, OrderEventResponse, PaymentDto, TimelineEventDto } from './contract';
import { toRowDto } from './list-transactions';

type StoredPayment = Awaited<ReturnType<typeof listOrderPayments>>[number];

const isCaptured = (p: StoredPayment) => p.status === 'captured' || p.status === 'refunded';

/** The payment that decided the order, as the list shows it: a captured one, else the latest attempt. */
function decidingMethod(payments: StoredPayment[]) {
  const withMethod = payments.filter((p) => p.method !== null);
  const ranked = [...withMethod].sort((a, b) => Number(isCaptured(b)) - Number(isCaptured(a)) || b.updatedAt.getTime() - a.updatedAt.getTime());
  return ranked[0]?.method ?? null;
}

function toPaymentDto(p: StoredPayment): PaymentDto {
  return {
    gatewayPaymentId: p.gatewayPaymentId,
    method: p.method,
    amountLabel: formatMoney(p.amount, p.currency),
    status: p.status,
    errorCode: p.errorCode,
    errorDescription: p.errorDescription,
    amountRefunded: p.amountRefunded,
    refundedLabel: p.amountRefunded > 0 ? formatMoney(p.amountRefunded, p.currency) : null,
    createdAtLabel: formatDateTimeIst(p.createdAt),
    updatedAtLabel: formatDateTimeIst(p.updatedAt),
    refunds: [...p.refunds]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((r) => ({
        gatewayRefundId: r.gatewayRefundId,
        amountLabel: formatMoney(r.amount, p.currency),
        status: r.status,
        createdAt: r.createdAt.toISOString(),
        createdAtLabel: formatDateTimeIst(r.createdAt),
      })),
  };
}

function toEventDto(e: Awaited<ReturnType<typeof listOrderEvents>>['events'][number]): TimelineEventDto {
  return {
    id: e.id,
    source: e.source,
    outcome: e.outcome,
    eventId: e.eventId,
    eventType: e.eventType,
    gatewayPaymentId: e.gatewayPaymentId,
    receivedAt: e.receivedAt.toISOString(),
    receivedAtLabel: formatDateTimeIst(e.receivedAt),
  };
}

/** An order of the app with its payments, refunds and timeline; null when the app has no such order. */
export async function loadOrderDetail(db: Db, params: { appId: string; orderId: string }): Promise<OrderDetailResponse | null> {
  const order = await getOrder(db, params);
  if (!order) return null;
  const [payments, { events, truncated }] = await Promise.all([
    listOrderPayments(db, params),
    listOrderEvents(db, { appId: params.appId, gateway: order.gateway, gatewayOrderId: order.gatewayOrderId }),
  ]);
  payments.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const amountRefunded = payments.filter(isCaptured).reduce((sum, p) => sum + Math.min(p.amountRefunded, p.amount), 0);
  const row = toRowDto({ ...order, createdAtMicros: '', method: decidingMethod(payments), amountRefunded });
  return {
    order: { ...row, notes: order.notes, updatedAt: order.updatedAt.toISOString(), updatedAtLabel: formatDateTimeIst(order.updatedAt) },
    payments: payments.map(toPaymentDto),
    timeline: events.map(toEventDto),
    timelineTruncated: truncated,
  };
}

/** One delivery on the order's timeline with its raw body; null when it is not this app's order's. */
export async function loadOrderEvent(db: Db, params: { appId: string; orderId: string; eventId: string }): Promise<OrderEventResponse | null> {
  const event = await getOrderEvent(db, params);
  if (!event) return null;
  return { ...toEventDto(event), headers: event.headers, payload: event.payload };
}
