import { Info } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { CodeBlock } from '../code-block';
import { envSample } from './code-samples';
import { DocsTable } from './docs-table';

export function OverviewSection() {
  return (
    <>
      <Alert role="note" className="mt-8">
        <Info aria-hidden />
        <AlertTitle className="line-clamp-none">Everything here runs against the sandbox too</AlertTitle>
        <AlertDescription>
          <p>
            The <code>kspay</code> package wraps the REST API (<a href="/docs/api">API reference</a>,{' '}
            <a href="/api/v1/openapi.json">OpenAPI</a>). With your <code>sk_test_…</code> key, orders go to the gateway’s
            test mode and nothing is charged.
          </p>
        </AlertDescription>
      </Alert>

      <h2 id="how-it-works">How a payment flows</h2>
      <ol>
        <li>
          Your <strong>backend</strong> creates an order at KS Pay with your <strong>Secret API Key</strong>. KS Pay
          creates the matching order at Razorpay or Cashfree with the credentials you verified.
        </li>
        <li>
          Your <strong>frontend</strong> sends the customer to the order’s <code>checkout_url</code>, KS Pay’s hosted
          checkout, which opens the gateway’s.
        </li>
        <li>The customer pays on the gateway’s own secure page: card data never touches your site.</li>
        <li>
          The gateway calls KS Pay’s <strong>webhook</strong>. KS Pay verifies the signature and moves the order to its
          final status.
        </li>
        <li>
          KS Pay tells your backend with its own signed webhook, and your backend fulfils the order. The browser’s word
          is never enough.
        </li>
      </ol>

      <h2 id="keys">Your API keys</h2>
      <p>
        Generate them in <strong>Settings → Payment Gateway → 4. Security</strong>, once the test order has verified
        steps 1–3.
      </p>
      <DocsTable
        label="API keys"
        head={['Key', 'Looks like', 'Where it lives', 'Used for']}
        rows={[
          [
            'Secret API Key',
            <code key="s">sk_test_…, sk_live_…</code>,
            'Your server’s environment only. Shown once when issued.',
            'Creating orders and every other server-to-server call.',
          ],
          [
            'Public API Key',
            <code key="p">pk_test_…, pk_live_…</code>,
            'May appear in browser code.',
            'Identifying your app from the browser (KS Pay’s browser SDK).',
          ],
        ]}
      />
      <ul>
        <li>
          Keys take the mode of the gateway credentials you verified: Razorpay <code>rzp_test_</code> keys or a Cashfree
          sandbox account give <code>test</code> keys, which never move real money.
        </li>
        <li>
          We store only a hash of your secret key. If you lose it, <strong>roll</strong> it: you get a new one, and the
          old one keeps working for the overlap you choose (immediately, 1 hour, 24 hours or 7 days) while you deploy.
        </li>
        <li>
          If a secret key may have leaked, <strong>revoke</strong> it: requests with it are refused at once.
        </li>
        <li>Keep separate keys (and ideally separate apps) for development, staging and production.</li>
      </ul>
      <CodeBlock title=".env" code={envSample} />
    </>
  );
}
