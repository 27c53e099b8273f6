import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DocsShell, type TocEntry } from '@/components/docs/docs-shell';
import { CheckoutSection } from '@/components/docs/npm-integration/checkout-section';
import { ConfirmSection } from '@/components/docs/npm-integration/confirm-section';
import { GoLiveSection } from '@/components/docs/npm-integration/go-live-section';
import { OrderSection } from '@/components/docs/npm-integration/order-section';
import { OverviewSection } from '@/components/docs/npm-integration/overview-section';
import { readExample } from '@/lib/docs/example-source';

export const metadata: Metadata = {
  title: 'NPM Integration',
  description: 'Create orders with your Secret API Key, open the gateway checkout, and confirm payments from webhooks.',
};

const toc: TocEntry[] = [
  { id: 'how-it-works', title: 'How a payment flows' },
  { id: 'keys', title: 'Your API keys' },
  { id: 'create-order', title: '1. Create the order' },
  { id: 'idempotency', title: 'Idempotency and retries' },
  { id: 'checkout', title: '2. Send the customer to checkout' },
  { id: 'confirm', title: '3. Confirm the payment' },
  { id: 'statuses', title: 'Order statuses' },
  { id: 'test-and-live', title: 'Test and live keys' },
  { id: 'go-live', title: 'Go-live checklist' },
  { id: 'troubleshooting', title: 'Troubleshooting' },
];

export default async function NpmIntegrationPage() {
  // Rendered per request: APP_URL is runtime configuration, not something to bake in at build time.
  await connection();
  return (
    <DocsShell
      title="NPM Integration"
      lead="Connect your backend and your checkout to KS Pay: create orders with your Secret API Key, let the gateway take the payment, and confirm it from the webhook, never from the browser."
      toc={toc}
    >
      <OverviewSection />
      <OrderSection expressExample={await readExample('express')} nextExample={await readExample('nextjs')} />
      <CheckoutSection />
      <ConfirmSection />
      <GoLiveSection />
    </DocsShell>
  );
}
