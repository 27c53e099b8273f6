// A shop's backend on Express: it sells one thing, takes the payment through KS Pay's hosted
// checkout, shows the result KS Pay recorded from the gateway's webhook, and hears about every
// change from KS Pay's own signed webhooks.
import express from 'express';
import { KsPay, KsPayError, KsPayWebhookVerificationError } from 'kspay';

const port = Number(process.env.PORT ?? 4242);
const shopUrl = process.env.SHOP_URL ?? `http://localhost:${port}`;
const kspay = new KsPay({
  secretKey: process.env.KSPAY_SECRET_KEY, // sk_test_… from Settings → Payment Gateway → Security
  baseUrl: process.env.KSPAY_URL ?? 'http://localhost:3000',
});

const webhookSecret = process.env.KSPAY_WEBHOOK_SECRET; // whsec_…, shown when you add the endpoint
if (!webhookSecret) console.warn('KSPAY_WEBHOOK_SECRET is not set: POST /webhooks/kspay will refuse every delivery');

const app = express();
// Form posts only. No app-wide express.json(): it would consume the webhook's raw body (below).
app.use(express.urlencoded({ extended: false }));

const page = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body style="font-family: system-ui; max-width: 32rem; margin: 4rem auto; padding: 0 1rem">${body}</body></html>`;

app.get('/', (_req, res) => {
  res.send(page('Tea shop', `<h1>Assam tea, 250 g</h1><p>₹499.00</p>
<form method="post" action="/checkout"><button type="submit">Buy now</button></form>`));
});

// The backend creates the order (never the browser: the secret key stays here), then sends the
// customer to KS Pay's checkout. The SDK adds an Idempotency-Key, so its retries make one order.
app.post('/checkout', async (_req, res) => {
  try {
    const order = await kspay.orders.create({
      amount: 49900, // paise: ₹499.00
      currency: 'INR',
      receipt: `tea-${Date.now()}`,
      customer: { email: 'customer@example.com', phone: '9999999999' },
      notes: { product: 'assam-250g' },
      redirect_url: `${shopUrl}/thank-you`, // on the app's allowed domains
    });
    res.redirect(303, order.checkout_url);
  } catch (error) {
    if (!(error instanceof KsPayError)) throw error;
    console.error('KS Pay refused the order', { code: error.code, requestId: error.requestId });
    res.status(502).send(page('Sorry', `<h1>We could not start the payment</h1><p>${error.message}</p><a href="/">Try again</a>`));
  }
});

// KS Pay returns the customer here with ?order_id=…&status=…. The query string is only a hint:
// the shop asks KS Pay for the order, whose status came from the gateway's signed webhook.
app.get('/thank-you', async (req, res) => {
  const orderId = String(req.query.order_id ?? '');
  try {
    const order = await kspay.orders.retrieve(orderId);
    const paid = order.status === 'PAID';
    res.send(page(paid ? 'Thank you' : 'Payment not completed', `<h1>${paid ? 'Thank you for your order' : 'Payment not completed'}</h1>
<p>Order <code>${order.id}</code>: <strong data-status>${order.status}</strong></p><a href="/">Back to the shop</a>`));
  } catch (error) {
    if (!(error instanceof KsPayError)) throw error;
    res.status(404).send(page('Unknown order', `<h1>We could not find that order</h1><a href="/">Back to the shop</a>`));
  }
});

// Ids of the webhooks already handled. A real server keeps them in its database (a unique column,
// written with the event before answering), so a retry is recognised after a restart too.
const handledWebhooks = new Set();

// KS Pay's webhooks (Settings → Webhooks to your server). The signature covers the exact bytes KS Pay
// sent, so this route reads the raw body: a JSON parser would hand over an object, and JSON.stringify
// of it is not byte for byte what was signed.
app.post('/webhooks/kspay', express.raw({ type: 'application/json' }), (req, res) => {
  let event;
  try {
    event = kspay.webhooks.verify(req.body, req.headers, webhookSecret);
  } catch (error) {
    if (!(error instanceof KsPayWebhookVerificationError)) throw error;
    console.warn('KS Pay webhook refused', { code: error.code });
    return res.status(400).json({ error: error.code });
  }
  const id = req.get('webhook-id'); // the event's id, the same on every retry
  if (handledWebhooks.has(id)) return res.json({ received: true }); // a retry or a replay: done already
  handledWebhooks.add(id);
  // Answer at once, then work: KS Pay waits 15 s for an answer and retries a slow one.
  res.json({ received: true });
  setImmediate(() => handleEvent(event));
});

// data.object is the order for order.*, the payment for payment.*, the refund for refund.processed.
function handleEvent(event) {
  if (event.type === 'order.paid') {
    // Fulfil here: send the invoice, ship the tea. The order's status is PAID.
  }
  console.log(JSON.stringify({ event: 'kspay_webhook_handled', id: event.id, type: event.type, object: event.data.object.id }));
}

app.listen(port, () => console.log(`shop listening on ${shopUrl}`));
