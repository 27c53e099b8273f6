import type { Metadata } from 'next';
import { CredentialsStep } from '@/components/payment-gateway/credentials-step';
import { GatewayStepper } from '@/components/payment-gateway/gateway-stepper';
import { NpmStep } from '@/components/payment-gateway/npm-step';
import { ResetGatewayDialog } from '@/components/payment-gateway/reset-gateway-dialog';
import { StepCard } from '@/components/payment-gateway/step-card';
import { VerifyStep } from '@/components/payment-gateway/verify-step';
import { WebhookStep } from '@/components/payment-gateway/webhook-step';
import { SecurityStatusBadge } from '@/components/security/security-status-badge';
import { SecurityStep } from '@/components/security/security-step';
import { getDb } from '@/db';
import { requireOwnedApp } from '@/lib/apps/owned-app';
import { loadWizard } from '@/lib/gateway-connections/view';
import { GATEWAYS } from '@/lib/gateways/descriptors';

export const metadata: Metadata = { title: 'Payment Gateway' };

export default async function PaymentGatewayPage({ params }: { params: Promise<{ appId: string }> }) {
  const { app } = await requireOwnedApp((await params).appId);
  const view = await loadWizard(await getDb(), app);
  const { statuses } = view;
  const locked = statuses.credentials === 'locked';
  const securityBadge = <SecurityStatusBadge appId={app.publicId} verified={view.verified} initial={statuses.security} />;
  return (
    <div className="grid grid-cols-1 gap-6">
      <GatewayStepper statuses={statuses} securityBadge={securityBadge} />
      <StepCard
        id="credentials"
        number={1}
        title="Credentials"
        status={statuses.credentials}
        description="Your gateway's API keys and the payment modes to offer. Razorpay: Key ID and Key Secret. Cashfree: Client ID and Client Secret."
      >
        {view.verifiedCredentials && statuses.credentials !== 'verified' && (
          <p className="text-sm text-muted-foreground">
            In use until the new credentials verify: {GATEWAYS[view.verifiedCredentials.gateway].label}{' '}
            <code>{view.verifiedCredentials.keyId}</code>.
          </p>
        )}
        <CredentialsStep
          key={`${view.credentials?.keyId}-${statuses.credentials}`}
          appId={app.publicId}
          saved={view.credentials}
          mustReenter={statuses.credentials === 'failed'}
          locked={locked}
        />
      </StepCard>
      <StepCard
        id="webhook"
        number={2}
        title="Webhook"
        status={statuses.webhook}
        description="Where the gateway tells us about payments. Webhooks, not the browser, decide whether an order is paid."
      >
        <WebhookStep appId={app.publicId} webhook={view.webhook} status={statuses.webhook} />
      </StepCard>
      <StepCard
        id="npm"
        number={3}
        title="NPM Integration"
        status={statuses.npm}
        description="Connect your backend and checkout to KS Pay."
      >
        <NpmStep appId={app.publicId} status={statuses.npm} />
      </StepCard>
      <StepCard
        id="verify"
        title="Create Order"
        description="A ₹1.00 test order at your gateway, made with your credentials, verifies steps 1–3. You get one attempt, and one more after re-entering your credentials."
      >
        <VerifyStep appId={app.publicId} view={view} />
      </StepCard>
      <StepCard
        id="security"
        number={4}
        title="Security"
        badge={securityBadge}
        description="Your Public and Secret API keys for KS Pay's API."
      >
        <SecurityStep appId={app.publicId} verified={view.verified} />
      </StepCard>
      {view.credentials && !locked && (
        <section aria-labelledby="danger-title" className="grid gap-2 rounded-lg border border-destructive/50 p-4">
          <h2 id="danger-title" className="font-semibold">
            Start over
          </h2>
          <p className="text-sm text-muted-foreground">
            Discard the credentials, webhook secret and attempts of this gateway connection.
          </p>
          <div>
            <ResetGatewayDialog appId={app.publicId} />
          </div>
        </section>
      )}
    </div>
  );
}
