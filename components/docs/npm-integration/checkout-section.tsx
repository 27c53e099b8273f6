import { CodeBlock } from '../code-block';
import { cashfreeCheckoutSample, razorpayCheckoutSample } from './code-samples';

export function CheckoutSection() {
  return (
    <>
      <h2 id="checkout">2. Open the checkout in the browser</h2>
      <p>
        Your page asks your backend for an order, then hands the gateway’s order to the gateway’s own checkout. Show a
        loading state, disable the pay button while checkout is open, and never create a second order because of a
        double click or a refresh.
      </p>

      <h3 id="checkout-razorpay">Razorpay Checkout</h3>
      <p>
        Checkout needs the gateway order id (<code>order_…</code>) and your <strong>Razorpay Key ID</strong>, the public
        half of the credentials you entered in step 1. (Your KS Pay public key, <code>pk_…</code>, is for KS Pay’s own
        browser SDK.)
      </p>
      <CodeBlock title="checkout.html (Razorpay)" code={razorpayCheckoutSample} />

      <h3 id="checkout-cashfree">Cashfree Checkout</h3>
      <p>
        Cashfree opens its hosted checkout from the order’s <code>payment_session_id</code>; no key is needed in the
        browser. Use <code>sandbox</code> mode with sandbox credentials and <code>production</code> with live ones.
      </p>
      <CodeBlock title="checkout.html (Cashfree)" code={cashfreeCheckoutSample} />
    </>
  );
}
