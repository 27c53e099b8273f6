import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CheckoutView } from '@/components/checkout/checkout-view';
import { Logo } from '@/components/shell/logo';
import { getDb } from '@/db';
import { getCheckoutOrder } from '@/db/queries/checkout';
import { handoffFor } from '@/lib/checkout/handoff';
import { formatMoney } from '@/lib/format';
import { isOrderId } from '@/lib/ids';

type Props = { params: Promise<{ orderId: string }> };

export const metadata: Metadata = { title: 'Checkout', robots: { index: false } };

/** The hosted checkout: public, no session; the order's unguessable id is the link. */
export default async function PayPage({ params }: Props) {
  const { orderId } = await params;
  const order = isOrderId(orderId) ? await getCheckoutOrder(await getDb(), { orderId }) : null;
  if (!order) notFound();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-8 bg-muted/40 p-4">
      <div className="w-full max-w-md">
        <CheckoutView
          orderId={order.id}
          merchant={order.appName}
          amount={formatMoney(order.amount, order.currency)}
          mode={order.mode}
          paymentModes={order.paymentModes ?? []}
          initialProgress={{ status: order.status, attempts: order.attempts }}
          redirectUrl={order.redirectUrl}
          handoff={handoffFor(order)}
        />
      </div>
      <p className="flex items-center gap-2 text-xs text-muted-foreground">
        Payments by <Logo />
      </p>
    </main>
  );
}
