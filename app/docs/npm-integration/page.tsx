import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DocsShell, type TocEntry } from '@/components/docs/docs-shell';
import { CheckoutSection } from '@/components/docs/npm-integration/checkout-section';
import { ConfirmSection } from '@/components/docs/npm-integration/confirm-section';
import { GoLiveSection } from '@/components/docs/npm-integration/go-live-section';
import { OrderSection } from '@/components/docs/npm-integration/order-section';
import { OverviewSection } from '@/components/docs/npm-integration/overview-section';
import { WebhooksSection } from '@/components/docs/npm-integration/webhooks-section';
import { readExample } from '@/lib/docs/example-source';

export const metadata: Metadata = {
  title: 'NPM Integration',
  description: 'Create orders with your Secret API Key, open the gateway checkout, confirm payments from webhooks, and receive KS Pay’s signed webhooks on your server.',
};

const toc: TocEntry[] = [
  { id: 'how-it-works', title: 'How a payment flows' },
  { id: 'keys', title: 'Your API keys' },
  { id: 'create-order', title: '1. Create the order' },
  { id: 'idempotency', title: 'Idempotency and retries' },
  { id: 'checkout', title: '2. Send the customer to checkout' },
  { id: 'confirm', title: '3. Confirm the payment' },
  { id: 'statuses', title: 'Order statuses' },
  { id: 'webhooks-to-your-server', title: '4. Webhooks to your server' },
  { id: 'webhook-raw-body', title: 'Read the raw body' },
  { id: 'webhook-retries', title: 'Retries' },
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
      <WebhooksSection expressExample={await readExample('expressWebhooks')} nextExample={await readExample('nextjsWebhooks')} />
      <GoLiveSection />
    </DocsShell>
  );
}
