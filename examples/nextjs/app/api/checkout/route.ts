// app/api/checkout/route.ts in your Next.js app: the server creates the order with your secret
// key and answers with where to send the customer. Call it from your checkout button.
import { KsPay, KsPayError } from 'kspay';

const kspay = new KsPay({ secretKey: process.env.KSPAY_SECRET_KEY!, baseUrl: process.env.KSPAY_URL });

export async function POST(request: Request) {
  const { receipt } = (await request.json()) as { receipt: string };
  try {
    const order = await kspay.orders.create(
      {
        amount: 49900,
        currency: 'INR',
        receipt,
        customer: { email: 'customer@example.com', phone: '9999999999' },
        redirect_url: `${process.env.SHOP_URL}/orders/${encodeURIComponent(receipt)}`,
      },
      // Your own key: a double click or a retried request for this cart makes one order.
      { idempotencyKey: `checkout-${receipt}` },
    );
    return Response.json({ checkoutUrl: order.checkout_url, orderId: order.id });
  } catch (error) {
    if (error instanceof KsPayError) {
      return Response.json({ error: error.message, requestId: error.requestId }, { status: error.statusCode === 400 ? 400 : 502 });
    }
    throw error;
  }
}
