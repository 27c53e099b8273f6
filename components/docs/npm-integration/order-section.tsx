import { CodeBlock } from '../code-block';
import { createOrderSample, orderResponseSample, retrySample } from './code-samples';

export function OrderSection({ host }: { host: string }) {
  return (
    <>
      <h2 id="create-order">1. Create the order on your backend</h2>
      <p>
        Every payment starts with an order created by your server, never by the browser: the amount, currency and your
        own reference are decided where the customer cannot change them. Amounts are integers in the smallest unit of
        the currency (paise for INR).
      </p>
      <CodeBlock title="create-order.js" code={createOrderSample(host)} />
      <p>The answer tells your frontend how to open the checkout:</p>
      <CodeBlock title="201 Created" code={orderResponseSample} />
      <p>
        For Cashfree, <code>checkout</code> holds the <code>payment_session_id</code> instead of a key id. The npm
        package will make this same call for you, with the same fields.
      </p>

      <h3 id="idempotency">Idempotency and retries</h3>
      <ul>
        <li>
          Send an <code>Idempotency-Key</code> header (up to 255 characters) on every POST. Use something that
          identifies the order in your system, not a random value per attempt.
        </li>
        <li>
          For 24 hours, a request with the same key gets the first answer again (same status and body, errors
          included) and creates nothing new.
        </li>
        <li>The same key with a different body is refused: it is almost always a bug.</li>
        <li>
          While the first request with a key is still running, another one with that key gets <code>409</code>: wait
          and retry.
        </li>
        <li>
          Retry network errors, <code>409</code>, <code>429</code> and <code>5xx</code> with exponential backoff and
          jitter, always with the same key. Do not retry other <code>4xx</code> answers: fix the request.
        </li>
      </ul>
      <CodeBlock title="retry.js" code={retrySample} />
    </>
  );
}
