import { CodeBlock } from '../code-block';
import { razorpayCheckoutSample, redirectSample } from './code-samples';

export function CheckoutSection() {
  return (
    <>
      <h2 id="checkout">2. Send the customer to checkout</h2>
      <p>
        Redirect the customer to the order’s <code>checkout_url</code>: KS Pay’s hosted checkout shows your app’s name,
        the amount and the payment modes you enabled, and hands the customer to Razorpay Checkout or Cashfree’s. While
        the payment settles it waits for the gateway’s webhook; a refresh, the back button or a double click never makes
        a second payment. Then it shows “Thank you” or “Payment failed” and returns the customer to your{' '}
        <code>redirect_url</code>.
      </p>
      <ul>
        <li>
          <code>redirect_url</code> must be on one of your app’s <strong>allowed domains</strong> (Settings → General →
          Allowed domains). Your public key (<code>pk_…</code>) works only from those origins too.
        </li>
        <li>
          Add your domain in the gateway’s dashboard as well (Razorpay and Cashfree both ask for it), or their checkout
          refuses to open from your site.
        </li>
      </ul>
      <CodeBlock title="after the order is created" code={redirectSample} />

      <h3 id="checkout-razorpay">Embedding Razorpay Checkout yourself</h3>
      <p>
        If you open Razorpay Checkout on your own page, give it the order’s <code>gateway_order_id</code> and your
        Razorpay Key ID, and check its callback on your server with <code>payments.verify</code> (below).
      </p>
      <CodeBlock title="checkout.html (Razorpay)" code={razorpayCheckoutSample} />
    </>
  );
}
