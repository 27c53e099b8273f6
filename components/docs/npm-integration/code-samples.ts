/** Code shown in the NPM Integration guide. `host` is this KS Pay deployment's public URL. */

export const createOrderSample = (host: string) => `// Your backend (Node.js 18+). Never call this from the browser.
const KSPAY_URL = '${host}';

export async function createOrder({ receipt, amountPaise, customer }) {
  const response = await fetch(\`\${KSPAY_URL}/api/v1/orders\`, {
    method: 'POST',
    headers: {
      Authorization: \`Bearer \${process.env.KSPAY_SECRET_KEY}\`, // sk_test_… or sk_live_…
      'Content-Type': 'application/json',
      // One key per order of yours: a retried request can never create a second order.
      'Idempotency-Key': \`order-\${receipt}\`,
    },
    body: JSON.stringify({
      amount: amountPaise, // integer, in paise: 49900 is ₹499.00
      currency: 'INR',
      receipt, // your own order reference
      customer, // { id, email, phone, name }
      notes: { cart_id: 'cart_81' },
    }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(\`KS Pay \${response.status}: \${body.error?.message}\`);
  return body;
}`;

export const orderResponseSample = `{
  "id": "ord_…",
  "status": "CREATED",
  "amount": 49900,
  "currency": "INR",
  "receipt": "1001",
  "gateway": "razorpay",
  "gateway_order_id": "order_…",
  "checkout": { "key_id": "rzp_test_…" }
}`;

export const retrySample = `// Retries reuse the same Idempotency-Key, so they are always safe.
async function withRetries(call, attempts = 5) {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await call();
      const retryable = response.status === 409 || response.status === 429 || response.status >= 500;
      if (!retryable || attempt === attempts) return response;
    } catch (networkError) {
      if (attempt === attempts) throw networkError;
    }
    const backoff = Math.min(30_000, 500 * 2 ** (attempt - 1));
    await new Promise((resolve) => setTimeout(resolve, backoff / 2 + Math.random() * (backoff / 2)));
  }
}`;

export const razorpayCheckoutSample = `<script src="https://checkout.razorpay.com/v1/checkout.js"></script>
<script>
  async function pay() {
    // Your backend creates the order with the secret key and returns what checkout needs.
    const order = await fetch('/checkout/orders', { method: 'POST' }).then((r) => r.json());

    const checkout = new Razorpay({
      key: order.checkout.key_id, // your Razorpay Key ID: public, safe in the browser
      order_id: order.gateway_order_id, // order_… from the order you created
      amount: order.amount,
      currency: order.currency,
      name: 'Your store',
      handler: async (response) => {
        // Not final: let your backend check the signature, then show "Confirming your payment…".
        await fetch('/checkout/razorpay-callback', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(response),
        });
        location.href = \`/orders/\${order.receipt}\`;
      },
    });
    checkout.on('payment.failed', () => showRetryButton());
    checkout.open();
  }
</script>`;

export const cashfreeCheckoutSample = `<script src="https://sdk.cashfree.com/js/v3/cashfree.js"></script>
<script>
  async function pay() {
    const order = await fetch('/checkout/orders', { method: 'POST' }).then((r) => r.json());

    const cashfree = Cashfree({ mode: 'sandbox' }); // 'production' with live credentials
    cashfree.checkout({
      paymentSessionId: order.checkout.payment_session_id, // session_… from the order
      redirectTarget: '_self', // Cashfree returns the customer to your return URL
    });
  }
</script>`;

export const razorpaySignatureSample = `import { createHmac, timingSafeEqual } from 'node:crypto';

// Your backend, on POST /checkout/razorpay-callback.
// Use the order id you stored when you created the order, not the one the browser sent.
export function isRazorpayCheckoutGenuine({ storedGatewayOrderId, razorpay_payment_id, razorpay_signature }) {
  const expected = createHmac('sha256', process.env.RAZORPAY_KEY_SECRET)
    .update(\`\${storedGatewayOrderId}|\${razorpay_payment_id}\`)
    .digest('hex');
  const received = Buffer.from(String(razorpay_signature ?? ''), 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  // timingSafeEqual throws on different lengths: compare them first.
  return received.length === wanted.length && timingSafeEqual(received, wanted);
}`;

export const envSample = `# .env on your server, never committed, never bundled into frontend code
KSPAY_SECRET_KEY=sk_test_…
KSPAY_PUBLIC_KEY=pk_test_…
RAZORPAY_KEY_SECRET=…   # only if you verify Razorpay's checkout signature yourself`;
