// A shop's backend on Express: it sells one thing, takes the payment through KS Pay's hosted
// checkout, shows the result KS Pay recorded from the gateway's webhook, and hears every change
// from KS Pay's own signed webhooks (webhooks.mjs).
import express from 'express';
import { KsPay, KsPayError } from 'kspay';
import { kspayWebhooks } from './webhooks.mjs';

const port = Number(process.env.PORT ?? 4242);
const shopUrl = process.env.SHOP_URL ?? `http://localhost:${port}`;
const kspay = new KsPay({
  secretKey: process.env.KSPAY_SECRET_KEY, // sk_test_… from Settings → Payment Gateway → Security
  baseUrl: process.env.KSPAY_URL ?? 'http://localhost:3000',
});

const app = express();
// First, before any body parser: the webhook route needs the request body exactly as sent.
app.use(kspayWebhooks(kspay, process.env.KSPAY_WEBHOOK_SECRET));
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

app.listen(port, () => console.log(`shop listening on ${shopUrl}`));
