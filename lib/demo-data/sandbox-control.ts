import { z } from 'zod';

const eventsSchema = z.array(z.object({ event_id: z.string(), type: z.string() }));
const accountSchema = z.object({ key_id: z.string(), key_secret: z.string() });
const paymentSchema = z.object({ payment: z.object({ id: z.string() }), events: eventsSchema });
const refundSchema = z.object({ refund: z.object({ id: z.string() }), events: eventsSchema });
const deliveriesSchema = z.object({ deliveries: z.array(z.object({ event_id: z.string(), ok: z.boolean() })) });

export type SandboxMethod = 'upi' | 'card' | 'netbanking' | 'wallet';
/** What a customer's payment (or a refund) made the sandbox send: event ids to watch land. */
export type Emitted = { id: string; eventIds: string[] };

// A customer payment waits for every first delivery attempt into our route (`wait`), which in
// `next dev` may include compiling it: give it time.
const CALL_TIMEOUT_MS = 60_000;

/** The gateway sandbox's control API (sandbox/README.md), for the demo's customers. Razorpay only. */
export function sandboxControl(baseUrl: string) {
  const base = baseUrl.replace(/\/+$/, '');
  async function call<T>(schema: z.ZodType<T>, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}/__sandbox${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`sandbox ${path} answered ${response.status}`);
    return schema.parse(await response.json());
  }
  const delivery = { wait: true };
  const emitted = ({ events }: { events: { event_id: string }[] }) => events.map((e) => e.event_id);

  return {
    async isUp(): Promise<boolean> {
      return fetch(`${base}/__sandbox/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
    },
    async createRazorpayAccount() {
      const account = await call(accountSchema, '/accounts', { gateway: 'razorpay' });
      return { keyId: account.key_id, keySecret: account.key_secret };
    },
    async pointRazorpayWebhook(input: { keyId: string; url: string; secret: string; events: readonly string[] }) {
      await call(z.unknown(), '/razorpay/webhooks', { key_id: input.keyId, url: input.url, secret: input.secret, events: input.events });
    },
    async pay(input: { gatewayOrderId: string; outcome: 'captured' | 'failed'; method: SandboxMethod }): Promise<Emitted> {
      const body = { gateway: 'razorpay', order_id: input.gatewayOrderId, outcome: input.outcome, method: input.method, delivery };
      const paid = await call(paymentSchema, '/payments', body);
      return { id: paid.payment.id, eventIds: emitted(paid) };
    },
    /** A failed payment's late authorisation, then its capture. */
    async capture(paymentId: string): Promise<Emitted> {
      const captured = await call(paymentSchema, `/payments/${encodeURIComponent(paymentId)}/capture`, { delivery });
      return { id: captured.payment.id, eventIds: emitted(captured) };
    },
    async refund(paymentId: string, amount?: number): Promise<Emitted> {
      const refunded = await call(refundSchema, '/refunds', { gateway: 'razorpay', payment_id: paymentId, amount, delivery });
      return { id: refunded.refund.id, eventIds: emitted(refunded) };
    },
    /** Event ids of this order that some attempt delivered (answered 2xx). */
    async deliveredEventIds(gatewayOrderId: string): Promise<Set<string>> {
      const { deliveries } = await call(deliveriesSchema, `/deliveries?order_id=${encodeURIComponent(gatewayOrderId)}`);
      return new Set(deliveries.filter((d) => d.ok).map((d) => d.event_id));
    },
  };
}

export type SandboxControl = ReturnType<typeof sandboxControl>;
