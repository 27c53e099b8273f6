// app/api/webhooks/kspay/route.ts in your Next.js app: KS Pay's signed webhooks. The signature covers
// the exact bytes KS Pay sent, so read the body with request.text() — request.json() and
// JSON.stringify again would not give back the same bytes.
import { KsPayWebhookVerificationError, verifyWebhook, type WebhookEvent } from 'kspay';

// Ids of the webhooks already handled. A real app keeps them in its database (a unique column,
// written in the transaction that does the work), so every instance and every restart sees them.
const handled = new Set<string>();

export async function POST(request: Request) {
  const body = await request.text();
  let event: WebhookEvent;
  try {
    event = verifyWebhook(body, request.headers, process.env.KSPAY_WEBHOOK_SECRET ?? '');
  } catch (error) {
    if (!(error instanceof KsPayWebhookVerificationError)) throw error;
    console.warn('KS Pay webhook refused', { code: error.code });
    return Response.json({ error: error.code }, { status: 400 });
  }
  const id = request.headers.get('webhook-id')!; // the event's id, the same on every retry
  if (!handled.has(id)) {
    // Keep this quick (KS Pay waits 15 s): record the event, answer, and leave slow work (emails,
    // provisioning) to a queue or to after() from 'next/server'. If it throws, KS Pay gets a 500
    // and retries, because the id was not marked handled.
    handleEvent(event);
    handled.add(id);
  }
  return Response.json({ received: true });
}

function handleEvent(event: WebhookEvent) {
  switch (event.type) {
    case 'order.paid':
      // Fulfil: event.data.object is the order, its status PAID.
      break;
    case 'refund.processed':
      // event.data.object is the refund: its amount, payment_id and order_id.
      break;
  }
  console.log(JSON.stringify({ event: 'kspay_webhook_handled', id: event.id, type: event.type, object: event.data.object.id }));
}
