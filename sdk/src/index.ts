import { type ClientOptions, HttpClient } from './http.js';
import { Orders, Payments } from './resources.js';
import { Webhooks } from './webhooks.js';

/** The KS Pay API from your server: `new KsPay({ secretKey: process.env.KSPAY_SECRET_KEY })`. */
export class KsPay {
  readonly orders: Orders;
  readonly payments: Payments;
  /** `kspay.webhooks.verify(rawBody, headers, secret)`: KS Pay's signed deliveries to your server. */
  readonly webhooks = new Webhooks();

  constructor(options: ClientOptions) {
    const http = new HttpClient(options);
    this.orders = new Orders(http);
    this.payments = new Payments(http);
  }
}

export default KsPay;
export type { ClientOptions, RequestOptions } from './http.js';
export { ListPromise } from './list.js';
export * from './errors.js';
export type * from './types.js';
export { VERSION } from './version.js';
export { verifyWebhook, type WebhookHeaders, type WebhookVerifyOptions, Webhooks } from './webhooks.js';
