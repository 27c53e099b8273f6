import type { Db } from '../client';
import { preparedValues } from '../prepared';
import type { Order, Payment, Refund } from '../schema';

type Gateway = Order['gateway'];

export interface StoredRefund {
  gatewayRefundId: string;
  amount: number;
  status: Refund['status'];
}

export type StoredPayment = Pick<Payment, 'id' | 'gatewayPaymentId' | 'status' | 'amount' | 'method' | 'errorCode' | 'errorDescription' | 'amountRefunded'> & {
  /** ISO time (JSON). */
  createdAt: string;
  refunds: StoredRefund[];
};

/** What the merchant's events tell of the order besides its state (the API's order object). */
export type OrderFacts = Pick<Order, 'mode' | 'gatewayOrderId' | 'receipt' | 'notes' | 'customerEmail' | 'customerPhone' | 'customerName' | 'redirectUrl'> & {
  /** ISO time (JSON). */
  createdAt: string;
};

/**
 * An order with its payments and their refunds, all from one snapshot, and the order row's
 * version: the `applyDelivery` statement writes only if the row still has it.
 */
export type OrderState = Pick<Order, 'id' | 'appId' | 'gateway' | 'amount' | 'currency' | 'status'> & {
  version: string;
  facts: OrderFacts;
  payments: StoredPayment[];
};

/**
 * `select` this `where` a condition on `o` (orders): one row, the order's `OrderState` as JSON,
 * its payments' rows included (bigint amounts as JSON numbers), all from one snapshot.
 */
export const ORDER_STATE_FROM_ORDERS = `
json_build_object(
  'id', o.id, 'appId', o.app_id, 'gateway', o.gateway, 'amount', o.amount, 'currency', o.currency, 'status', o.status,
  'version', o.xmin::text,
  'facts', json_build_object(
    'mode', o.mode, 'gatewayOrderId', o.gateway_order_id, 'receipt', o.receipt, 'notes', o.notes, 'customerEmail', o.customer_email,
    'customerPhone', o.customer_phone, 'customerName', o.customer_name, 'redirectUrl', o.redirect_url, 'createdAt', o.created_at
  ),
  'payments', coalesce((
    select json_agg(json_build_object(
      'id', p.id, 'gatewayPaymentId', p.gateway_payment_id, 'status', p.status, 'amount', p.amount, 'method', p.method,
      'errorCode', p.error_code, 'errorDescription', p.error_description, 'amountRefunded', p.amount_refunded, 'createdAt', p.created_at,
      'refunds', coalesce((
        select json_agg(json_build_object('gatewayRefundId', r.gateway_refund_id, 'amount', r.amount, 'status', r.status))
        from refunds r where r.app_id = o.app_id and r.payment_id = p.id
      ), '[]'::json)
    ))
    from payments p where p.app_id = o.app_id and p.order_id = o.id
  ), '[]'::json)
)
from orders o`;

const READ = `select ${ORDER_STATE_FROM_ORDERS} where o.app_id = $1::uuid and o.gateway = $2::text::gateway_name and o.gateway_order_id = $3::text`;

/** The order a gateway event names, as `OrderState`; null when it is not one of ours. */
export async function readOrderState(db: Db, params: { appId: string; gateway: Gateway; gatewayOrderId: string }): Promise<OrderState | null> {
  const [state] = await preparedValues<OrderState>(db, 'read_order_state', READ, [params.appId, params.gateway, params.gatewayOrderId]);
  return state ?? null;
}
