// KS Pay's webhooks to the shop (Settings → Webhooks to your server), as an Express router:
// app.use(kspayWebhooks(kspay, process.env.KSPAY_WEBHOOK_SECRET)).
import express from 'express';
import { KsPayWebhookVerificationError } from 'kspay';

// Ids of the webhooks already handled. A real server keeps them in its database (a unique column,
// written with the event before answering), so a retry is recognised after a restart too.
const handledWebhooks = new Set();

export function kspayWebhooks(kspay, secret) {
  if (!secret) console.warn('KSPAY_WEBHOOK_SECRET is not set: POST /webhooks/kspay will refuse every delivery');
  const router = express.Router();

  // The signature covers the exact bytes KS Pay sent, so this route reads the raw body. After an
  // app-wide express.json() it would get an object instead, and JSON.stringify of that object is not
  // byte for byte what was signed.
  router.post('/webhooks/kspay', express.raw({ type: 'application/json' }), (req, res) => {
    let event;
    try {
      event = kspay.webhooks.verify(req.body, req.headers, secret); // secret: whsec_…, or [old, new]
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

  return router;
}

// data.object is the order for order.*, the payment for payment.*, the refund for refund.processed.
function handleEvent(event) {
  if (event.type === 'order.paid') {
    // Fulfil here: send the invoice, ship the tea. The order's status is PAID.
  }
  console.log(JSON.stringify({ event: 'kspay_webhook_handled', id: event.id, type: event.type, object: event.data.object.id }));
}
