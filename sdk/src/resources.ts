import type { HttpClient, RequestOptions } from './http.js';
import { ListPromise } from './list.js';
import type { List, Order, OrderCreateParams, OrderListParams, Payment, PaymentVerification, PaymentVerifyParams } from './types.js';

const segment = (id: string) => {
  if (typeof id !== 'string' || id.length === 0) throw new TypeError('an id must be a non-empty string');
  return encodeURIComponent(id);
};

const timeParam = (value: Date | string | undefined) => (value instanceof Date ? value.toISOString() : value);

export class Orders {
  constructor(private readonly http: HttpClient) {}

  /** Creates the order at the app's gateway. Retries reuse one Idempotency-Key, so one order is made. */
  create(params: OrderCreateParams, options?: RequestOptions): Promise<Order> {
    return this.http.request('POST', '/api/v1/orders', { body: params, options });
  }

  retrieve(id: string, options?: RequestOptions): Promise<Order> {
    return this.http.request('GET', `/api/v1/orders/${segment(id)}`, { options });
  }

  /** Newest first. `await` for one page; `for await (const order of kspay.orders.list())` for all. */
  list(params: OrderListParams = {}, options?: RequestOptions): ListPromise<Order> {
    const { starting_after, ending_before, ...filters } = params;
    const query = { ...filters, created_gte: timeParam(filters.created_gte), created_lte: timeParam(filters.created_lte) };
    return new ListPromise(
      (cursor) => this.http.request<List<Order>>('GET', '/api/v1/orders', { query: { ...query, ...cursor }, options }),
      { starting_after, ending_before },
    );
  }

  /** The order's payment attempts, newest first. */
  payments(orderId: string, options?: RequestOptions): Promise<List<Payment>> {
    return this.http.request('GET', `/api/v1/orders/${segment(orderId)}/payments`, { options });
  }
}

export class Payments {
  constructor(private readonly http: HttpClient) {}

  /**
   * Checks Razorpay Checkout's callback (`razorpay_payment_id`, `razorpay_signature`) against the
   * order id KS Pay stored. A genuine callback is not a payment: wait for `order.status` PAID.
   */
  verify(params: PaymentVerifyParams, options?: RequestOptions): Promise<PaymentVerification> {
    return this.http.request('POST', '/api/v1/payments/verify', { body: params, options });
  }
}
