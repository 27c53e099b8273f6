import { CodeBlock } from '../code-block';
import { rawBodyMistakeSample, rotationSample, webhookEventSample, webhookRequestSample } from './code-samples';
import { DocsTable } from './docs-table';

const RETRY_SCHEDULE = ['5 seconds', '5 minutes', '30 minutes', '2 hours', '5 hours', '10 hours', '10 hours'];

export function WebhooksSection({ expressExample, nextExample }: { expressExample: string; nextExample: string }) {
  return (
    <>
      <h2 id="webhooks-to-your-server">4. Webhooks to your server</h2>
      <p>
        Once a payment settles, KS Pay tells your backend: a signed <code>POST</code> to a URL of yours, for every
        change you subscribe to. It is the final word on an order, and it reaches you even when the customer closed the
        tab. Add an endpoint in <strong>Settings → Webhooks to your server</strong> (or with{' '}
        <code>POST /api/v1/webhook_endpoints</code>), choose its events, and keep its signing secret (
        <code>whsec_…</code>, shown once) in your server’s environment as <code>KSPAY_WEBHOOK_SECRET</code>. Each
        endpoint belongs to one mode: test-mode events go to test endpoints, live to live.
      </p>

      <h3 id="webhook-events">Events</h3>
      <DocsTable
        label="Webhook events"
        head={['Type', 'data.object', 'Sent when']}
        rows={[
          [<code key="t">order.paid</code>, 'the order', 'The order is PAID: fulfil it.'],
          [<code key="t">order.failed</code>, 'the order', 'The payment failed or was abandoned. The customer may try again; a later success still sends order.paid.'],
          [<code key="t">order.refunded</code>, 'the order', 'Refunded in full.'],
          [<code key="t">order.partially_refunded</code>, 'the order', 'Part refunded: amount_refunded says how much.'],
          [<code key="t">payment.captured</code>, 'the payment', 'A payment attempt was captured.'],
          [<code key="t">payment.failed</code>, 'the payment', 'A payment attempt failed; its error says why.'],
          [<code key="t">refund.processed</code>, 'the refund', 'The gateway processed a refund (id, payment_id, order_id, amount, currency, status).'],
        ]}
      />
      <p>
        Every event has the same envelope: its <code>id</code> (<code>evt_…</code>), <code>type</code>,{' '}
        <code>created</code> (Unix seconds, when the change happened), <code>mode</code>, and{' '}
        <code>data.object</code>, the object as the API returns it.
      </p>
      <CodeBlock title="order.paid" code={webhookEventSample} />

      <h3 id="webhook-headers">Headers and signature</h3>
      <p>
        Deliveries follow the <a href="https://www.standardwebhooks.com">Standard Webhooks</a> specification, so any of
        its libraries verifies them too:
      </p>
      <ul>
        <li>
          <code>webhook-id</code>: the event’s id, the same on every retry of it.
        </li>
        <li>
          <code>webhook-timestamp</code>: when this attempt was sent, in Unix seconds.
        </li>
        <li>
          <code>webhook-signature</code>: <code>v1,</code> and the base64 HMAC-SHA256 of{' '}
          <code>{'{webhook-id}.{webhook-timestamp}.{body}'}</code>, keyed with the base64-decoded part of your secret
          after <code>whsec_</code>. While a secret is being rotated there are two, separated by a space.
        </li>
      </ul>
      <CodeBlock title="a delivery" code={webhookRequestSample} />

      <h3 id="webhook-verify">Verify it with the package</h3>
      <p>
        <code>kspay.webhooks.verify(rawBody, headers, secret)</code>, or <code>verifyWebhook</code> without a client,
        checks the signature in constant time, refuses a timestamp more than 5 minutes from your clock either way (
        <code>{'{ toleranceSeconds }'}</code> changes that), and returns the event, typed by its <code>type</code>.
        Anything else throws <code>KsPayWebhookVerificationError</code> with a <code>code</code>:{' '}
        <code>missing_header</code>, <code>invalid_timestamp</code>, <code>timestamp_out_of_range</code>,{' '}
        <code>no_matching_signature</code>, <code>invalid_body</code> or <code>invalid_secret</code>. Answer it with{' '}
        <code>400</code> and do nothing else. The receivers below are the files KS Pay’s tests run: a signed delivery
        gets 200, a tampered one 400, a replay 200 without being handled twice.
      </p>
      <CodeBlock title="examples/express/webhooks.mjs" code={expressExample} />
      <CodeBlock title="app/api/webhooks/kspay/route.ts" code={nextExample} />

      <h3 id="webhook-raw-body">Read the raw body</h3>
      <p>
        The signature is over the exact bytes KS Pay sent, and this is where most receivers go wrong. A JSON body
        parser that runs first (<code>app.use(express.json())</code> ahead of the route) consumes the request and
        leaves an object. <code>JSON.stringify</code> of that object is only a guess at the original bytes: it matches
        until the spacing, an escaped character (<code>\u20b9</code> for ₹) or a number’s form (<code>1.0</code>)
        differs, and then every genuine delivery fails. Give the webhook route the raw body —{' '}
        <code>{"express.raw({ type: 'application/json' })"}</code> on the route, mounted before any app-wide parser, or{' '}
        <code>await request.text()</code> in Next.js — and parse nothing before verifying. Handed an object, the package
        throws <code>invalid_body</code> and says why.
      </p>
      <CodeBlock title="server.mjs" code={rawBodyMistakeSample} />

      <h3 id="webhook-idempotency">Handle each event once</h3>
      <ul>
        <li>
          Delivery is at least once: a retry after a timeout, a Resend from the dashboard or a recovery can bring the
          same event again. Keep the <code>webhook-id</code> of every event you handled, in a column with a unique
          index written in the same transaction as the work, and answer <code>2xx</code> to one you already have.
        </li>
        <li>
          Events can arrive out of order. Act on <code>data.object.status</code>, or read the order with{' '}
          <code>orders.retrieve</code>, rather than on the order in which events came.
        </li>
      </ul>

      <h3 id="webhook-respond">Answer 2xx quickly, then work</h3>
      <p>
        KS Pay waits 15 seconds. Only a <code>2xx</code> counts as delivered: any other status, a redirect (never
        followed) or a timeout is a failure and is retried. Record the event and answer; send emails and provision
        accounts afterwards, from a queue (or <code>after()</code> in Next.js).
      </p>

      <h3 id="webhook-retries">Retries</h3>
      <p>
        A failed delivery is retried up to {RETRY_SCHEDULE.length} times, waiting {RETRY_SCHEDULE.join(', ')} between
        attempts (each with a little jitter): about 27 and a half hours in all. A <code>429</code> or <code>503</code> with{' '}
        <code>Retry-After</code> is retried when it says. <code>410 Gone</code> disables the endpoint at once, and an
        endpoint that has failed for 5 days is disabled too; its page says why. Every attempt is in the endpoint’s
        delivery log with its request and response; <strong>Resend</strong> sends one event again and{' '}
        <strong>Recover</strong> every failed one since a time.
      </p>

      <h3 id="webhook-rotation">Rotating the secret</h3>
      <p>
        <strong>Rotate</strong> on the endpoint makes a new secret and keeps the old one signing alongside it for the
        overlap you choose: every delivery then carries both signatures, so a receiver with either secret verifies.
        Deploy the new secret within the overlap; after it, only the new one signs.
      </p>
      <CodeBlock title="two secrets at once" code={rotationSample} />
    </>
  );
}
