import { CodeBlock } from '../code-block';
import { razorpaySignatureSample, verifySample } from './code-samples';
import { DocsTable } from './docs-table';

export function ConfirmSection() {
  return (
    <>
      <h2 id="confirm">3. Confirm the payment on your server</h2>
      <p>
        What the browser reports after checkout is a <strong>temporary</strong> status. A customer can close the tab
        before your page hears back, and anyone can call your callback URL by hand. Mark an order paid only from a
        server-side source.
      </p>

      <h3 id="webhooks">Webhooks are the source of truth</h3>
      <ul>
        <li>
          The gateway calls KS Pay’s webhook: the URL and secret you pasted into Razorpay in step 2, or the{' '}
          <code>notify_url</code> KS Pay sends with every Cashfree order.
        </li>
        <li>
          KS Pay checks each signature over the raw request body in constant time and refuses anything unsigned or
          wrongly signed.
        </li>
        <li>
          Gateways deliver at least once, out of order, and retry for up to a day. KS Pay records every event once,
          recognises repeats, and only ever moves an order forward, so a stale event cannot undo a newer one.
        </li>
        <li>
          The order’s status at KS Pay is the one to trust: KS Pay sends it to your server as a signed webhook (
          <a href="#webhooks-to-your-server">step 4</a>), and you can read it any time with{' '}
          <code>orders.retrieve</code> (or <code>GET /api/v1/orders/:id</code>).
        </li>
      </ul>

      <h3 id="razorpay-signature">Checking Razorpay’s checkout signature</h3>
      <p>
        Razorpay Checkout hands the browser <code>razorpay_payment_id</code>, <code>razorpay_order_id</code> and{' '}
        <code>razorpay_signature</code>. The signature is valid when it equals the hex HMAC-SHA256 of{' '}
        <code>order_id|payment_id</code> keyed with your Razorpay Key Secret. Check it on your server, with the order id
        you stored rather than the one the browser sent: <code>payments.verify</code> does exactly that, with the
        gateway order id and key secret KS Pay holds. A valid signature lets you show “Payment received, confirming…”;
        the webhook still decides the final status.
      </p>
      <CodeBlock title="razorpay-callback.js" code={verifySample} />
      <p>Without the package, the same check by hand:</p>
      <CodeBlock title="verify-razorpay-checkout.js" code={razorpaySignatureSample} />

      <h3 id="statuses">Order statuses</h3>
      <DocsTable
        label="Order statuses"
        head={['Status', 'Meaning', 'Razorpay', 'Cashfree']}
        rows={[
          ['CREATED', 'Order created, no payment attempt yet.', <code key="r">order created</code>, <code key="c">order ACTIVE</code>],
          [
            'PROCESSING',
            'A payment is under way or authorised but not yet captured. Keep waiting; do not ship.',
            <code key="r">payment authorized</code>,
            <code key="c">PENDING</code>,
          ],
          ['PAID', 'Captured: the money is yours. Fulfil the order.', <code key="r">payment.captured, order.paid</code>, <code key="c">SUCCESS</code>],
          [
            'FAILED',
            'The attempt failed or the customer left. The customer may retry; a late capture still moves it to PAID.',
            <code key="r">payment.failed</code>,
            <code key="c">FAILED, USER_DROPPED</code>,
          ],
          [
            'REFUNDED',
            'Refunded in full. Partial refunds are shown as partially refunded.',
            <code key="r">refund.processed</code>,
            <code key="c">refund SUCCESS</code>,
          ],
        ]}
      />
    </>
  );
}
