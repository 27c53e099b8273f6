import { CodeBlock } from '../code-block';
import { installSample, orderResponseSample } from './code-samples';

export function OrderSection({ expressExample, nextExample }: { expressExample: string; nextExample: string }) {
  return (
    <>
      <h2 id="create-order">1. Create the order on your backend</h2>
      <p>
        Every payment starts with an order created by your server, never by the browser: the amount, currency and your
        own reference are decided where the customer cannot change them. Amounts are integers in the smallest unit of
        the currency (paise for INR). Install the package on your server (Node.js 18.17 or newer):
      </p>
      <CodeBlock title="terminal" code={installSample} />
      <p>
        A complete shop on Express: it creates the order, sends the customer to KS Pay’s checkout, and shows the result
        KS Pay recorded. This is the file KS Pay’s own tests run.
      </p>
      <CodeBlock title="examples/express/server.mjs" code={expressExample} />
      <p>The same in a Next.js route handler:</p>
      <CodeBlock title="app/api/checkout/route.ts" code={nextExample} />
      <p>
        <code>orders.create</code> answers with the order. Send the customer to its <code>checkout_url</code>; keep its{' '}
        <code>id</code> with your own order:
      </p>
      <CodeBlock title="Order" code={orderResponseSample} />

      <h3 id="idempotency">Idempotency and retries</h3>
      <ul>
        <li>
          Every POST carries an <code>Idempotency-Key</code> (up to 255 characters). The package makes one per call and
          reuses it on its own retries; pass your own (<code>{'{ idempotencyKey: `checkout-${receipt}` }'}</code>) so
          that a double click or a retried request of yours makes one order too.
        </li>
        <li>
          For 24 hours, a request with the same key gets the first answer again (same status and body, with{' '}
          <code>Idempotent-Replayed: true</code>) and creates nothing new. A <code>5xx</code> answer is not kept: the
          request did not complete, so a retry with the key runs it again.
        </li>
        <li>The same key with a different body is refused (422): it is almost always a bug.</li>
        <li>While the first request with a key is still running, another one with that key gets 409.</li>
        <li>
          The package retries network errors, timeouts, <code>429</code> (as long as <code>Retry-After</code> says) and{' '}
          <code>5xx</code> with exponential backoff and jitter. Other <code>4xx</code> answers are thrown as typed errors
          (<code>InvalidRequestError</code> with the <code>param</code> at fault, <code>AuthenticationError</code>,{' '}
          <code>PermissionError</code>…): fix the request. Quote an error’s <code>requestId</code> to support.
        </li>
      </ul>
    </>
  );
}
