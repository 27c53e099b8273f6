/** Code shown in the NPM Integration guide. `host` is this KS Pay deployment's public URL. */

export const installSample = `npm install kspay`;

export const orderResponseSample = `{
  "id": "ord_8fK2mQpZ3xLrT9aB",
  "object": "order",
  "status": "CREATED",
  "mode": "test",
  "amount": 49900,
  "amount_paid": 0,
  "amount_refunded": 0,
  "currency": "INR",
  "receipt": "tea-1001",
  "notes": { "product": "assam-250g" },
  "customer": { "email": "customer@example.com", "phone": "9999999999", "name": null },
  "gateway": "razorpay",
  "gateway_order_id": "order_…",
  "checkout_url": "https://pay.example.com/pay/ord_8fK2mQpZ3xLrT9aB",
  "redirect_url": "https://shop.example.com/thank-you",
  "created_at": "2026-12-01T10:00:00.000Z",
  "updated_at": "2026-12-01T10:00:00.000Z"
}`;

export const redirectSample = `// Your backend, after orders.create: the browser goes to KS Pay's hosted checkout.
res.redirect(303, order.checkout_url);

// KS Pay sends the customer back to redirect_url?order_id=ord_…&status=PAID (or FAILED).
// The query string is a hint only: ask KS Pay, whose status came from the gateway's webhook.
const order = await kspay.orders.retrieve(req.query.order_id);
if (order.status === 'PAID') fulfil(order);`;

export const razorpayCheckoutSample = `<!-- Only if you embed Razorpay Checkout yourself instead of using checkout_url. -->
<script src="https://checkout.razorpay.com/v1/checkout.js"></script>
<script>
  async function pay() {
    const order = await fetch('/checkout/orders', { method: 'POST' }).then((r) => r.json());
    new Razorpay({
      key: 'rzp_test_…', // your Razorpay Key ID (public)
      order_id: order.gateway_order_id,
      handler: (response) =>
        // Not final: your backend checks it with kspay.payments.verify, then waits for PAID.
        fetch('/checkout/razorpay-callback', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...response, order_id: order.id }),
        }),
    }).open();
  }
</script>`;

export const verifySample = `// Your backend, on POST /checkout/razorpay-callback.
const { verified } = await kspay.payments.verify({
  order_id: body.order_id, // ord_…: KS Pay checks against the gateway order id it stored
  payment_id: body.razorpay_payment_id,
  signature: body.razorpay_signature,
});
// verified: the callback is genuine. The payment is final when the order's status is PAID.`;

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

export const webhookEventSample = `{
  "id": "evt_3Jq8ZkR2mW7xTa9B",
  "type": "order.paid",
  "created": 1796119200,
  "mode": "test",
  "data": {
    "object": {
      "id": "ord_8fK2mQpZ3xLrT9aB",
      "object": "order",
      "status": "PAID",
      "amount": 49900,
      "amount_paid": 49900,
      "currency": "INR",
      "receipt": "tea-1001",
      "…": "the rest of the order, as orders.retrieve returns it"
    }
  }
}`;

export const webhookRequestSample = `POST /webhooks/kspay HTTP/1.1
Content-Type: application/json
webhook-id: evt_3Jq8ZkR2mW7xTa9B
webhook-timestamp: 1796119200
webhook-signature: v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=

{"id":"evt_3Jq8ZkR2mW7xTa9B","type":"order.paid",…}`;

export const rawBodyMistakeSample = `// ✗ The JSON parser reads the body first: the route gets an object, and the signed bytes are gone.
app.use(express.json());
app.post('/webhooks/kspay', (req, res) => {
  kspay.webhooks.verify(req.body, req.headers, secret); // throws invalid_body
  // JSON.stringify(req.body) is only a guess at those bytes: it fails once spacing, an escape or a number differs.
});

// ✓ The webhook route reads the raw body, and is mounted before any app-wide JSON parser.
app.post('/webhooks/kspay', express.raw({ type: 'application/json' }), handler);
app.use(express.json());`;

export const rotationSample = `// While you roll the new secret out to every server, accept both; drop the old one after the overlap.
const secrets = [process.env.KSPAY_WEBHOOK_SECRET, process.env.KSPAY_WEBHOOK_SECRET_OLD].filter(Boolean);
const event = kspay.webhooks.verify(req.body, req.headers, secrets);`;
