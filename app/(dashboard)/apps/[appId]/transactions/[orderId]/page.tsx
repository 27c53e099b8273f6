import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OrderDetailView } from '@/components/transactions/order-detail-view';
import { getDb } from '@/db';
import { requireOwnedApp } from '@/lib/apps/owned-app';
import { isOrderId } from '@/lib/ids';
import { loadOrderDetail } from '@/lib/transactions/order-detail';

type Props = { params: Promise<{ appId: string; orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { appId, orderId } = await params;
  const { app } = await requireOwnedApp(appId);
  return { title: `${isOrderId(orderId) ? orderId : 'Order'} · ${app.name}` };
}

export default async function OrderPage({ params }: Props) {
  const { appId, orderId } = await params;
  const { app } = await requireOwnedApp(appId);
  // A malformed id, or another merchant's order, is the same not-found page.
  if (!isOrderId(orderId)) notFound();
  const detail = await loadOrderDetail(await getDb(), { appId: app.id, orderId });
  if (!detail) notFound();
  return <OrderDetailView appId={app.publicId} initial={detail} />;
}
