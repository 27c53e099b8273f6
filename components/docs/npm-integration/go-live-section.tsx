import { DocsTable } from './docs-table';

export function GoLiveSection() {
  return (
    <>
      <h2 id="test-and-live">Test keys and live keys</h2>
      <ul>
        <li>
          Build and test with test credentials: <code>sk_test_…</code> on your server, the gateway’s test key in
          checkout. Test payments never move money.
        </li>
        <li>
          Test every path, not only success: failed and declined payments, UPI timeouts, a double click on Pay, a
          refresh in the middle of a payment, and a forged callback (your server must refuse it).
        </li>
        <li>
          To go live, submit your live gateway credentials in step 1 and verify them, then generate live keys in step 4.
          Revoke the test secret keys you no longer use.
        </li>
      </ul>

      <h2 id="go-live">Go-live checklist</h2>
      <ol>
        <li>
          <strong>Replace test keys with live keys</strong>: <code>sk_live_…</code> in your server’s environment and the
          live gateway key in checkout. Most go-live failures are test keys left behind.
        </li>
        <li>
          <strong>Whitelist your domains</strong> in the gateway dashboard (<code>example.com</code>,{' '}
          <code>www.example.com</code>, any subdomain that opens checkout).
        </li>
        <li>
          <strong>Enable the payment modes</strong> you offer (UPI, cards, wallets, net banking) and confirm the gateway
          has approved each one.
        </li>
        <li>
          <strong>Configure the live webhook</strong>: in Razorpay’s live mode, add KS Pay’s HTTPS URL and secret with the
          events <code>payment.captured</code>, <code>payment.failed</code>, <code>order.paid</code> and{' '}
          <code>refund.processed</code>.
        </li>
        <li>
          <strong>Add a live webhook endpoint</strong> in Settings → Webhooks to your server: an HTTPS URL on a public
          address, its live <code>whsec_…</code> secret in your server’s environment (test and live endpoints have
          different secrets).
        </li>
        <li>
          <strong>Remove console logs and exposed keys</strong> from your frontend: no secret key ever ships to a browser.
        </li>
        <li>
          <strong>Check the success and failure pages</strong>: customers land on a clear thank-you or payment-failed
          page, never a blank page, a timeout or raw JSON.
        </li>
        <li>
          <strong>Verify your settlement account</strong> with the gateway, or payouts are delayed.
        </li>
      </ol>

      <h2 id="troubleshooting">Troubleshooting</h2>
      <DocsTable
        label="Troubleshooting"
        head={['Problem', 'What to do']}
        rows={[
          ['“Invalid API key”', 'The key and the mode do not match: a test key against live credentials, or the other way round.'],
          [
            '“Access denied” on API calls',
            'Use the secret key, not the public key, in the Authorization header of server calls.',
          ],
          [
            'Payment captured but order not updated',
            'Check the webhook URL and secret in the gateway dashboard; step 2 shows when KS Pay last received an event.',
          ],
          ['Duplicate orders', 'Send an Idempotency-Key derived from your own order reference on every create.'],
          [
            'Browser says success, order says FAILED',
            'Trust the order status. The browser callback is only a hint; the webhook decides.',
          ],
          [
            'Your webhook says no_matching_signature',
            'The route is not getting the raw body (a JSON parser runs first), or the secret is another endpoint’s or the other mode’s.',
          ],
          ['Your webhook says timestamp_out_of_range', 'Your server’s clock is off by more than 5 minutes: turn on NTP time sync.'],
          ['Payment stuck in PROCESSING', 'Usually a UPI payment awaiting approval. Wait for the webhook; do not charge again.'],
          ['Checkout does not open', 'Whitelist your domain in the gateway dashboard and check the browser console.'],
        ]}
      />
    </>
  );
}
