'use client';

import { CircleAlert, CircleCheck, Lock } from 'lucide-react';
import { toast } from '@/components/ui/toast';
import { createTestOrderAction } from '@/app/(dashboard)/apps/[appId]/settings/payment-gateway/actions';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { WizardView } from '@/lib/gateway-connections/view';
import { ResetGatewayDialog } from './reset-gateway-dialog';
import { useStepAction } from './use-step-action';

type Props = { appId: string; view: WizardView };

export function VerifyStep({ appId, view }: Props) {
  const { pending, run } = useStepAction();
  const locked = view.statuses.credentials === 'locked';
  const verifiedNow = view.statuses.credentials === 'verified';

  const createOrder = () =>
    run(
      () => createTestOrderAction({ appId }),
      (result) => {
        if (result.outcome === 'succeeded') toast.success(`Verified: test order ${result.gatewayOrderId} created`);
        else toast.error(result.message);
      },
    );

  return (
    <div className="grid gap-4">
      {verifiedNow && view.lastVerification && (
        <Alert>
          <CircleCheck aria-hidden />
          <AlertTitle>Steps 1–3 verified</AlertTitle>
          <AlertDescription>
            Test order <code>{view.lastVerification.gatewayOrderId}</code> was created at the gateway
            {view.lastVerification.at ? ` on ${new Date(view.lastVerification.at).toUTCString()}` : ''}.
          </AlertDescription>
        </Alert>
      )}
      {view.lastFailure && !verifiedNow && (
        <Alert variant="destructive">
          {locked ? <Lock aria-hidden /> : <CircleAlert aria-hidden />}
          <AlertTitle>{locked ? 'Locked: both attempts failed' : 'The test order failed'}</AlertTitle>
          <AlertDescription>
            <p>{view.lastFailure}</p>
            <p>
              {locked
                ? 'Check that the Key ID and secret come from the same account and mode (test keys with the test dashboard), then reset the gateway and enter them again.'
                : 'Re-enter your credentials above (the secret too): that grants one more attempt.'}
            </p>
          </AlertDescription>
        </Alert>
      )}
      {!verifiedNow && (
        <p className="text-sm text-muted-foreground" data-testid="attempts-left">
          {locked ? 'No attempts left.' : `${view.attemptsLeft} of ${view.maxAttempts} attempts available.`}{' '}
          {view.createOrderBlocker && !locked ? view.createOrderBlocker : ''}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {locked ? (
          <ResetGatewayDialog appId={appId} />
        ) : (
          <Button type="button" onClick={createOrder} disabled={pending || view.createOrderBlocker !== null}>
            {pending ? 'Creating order…' : 'Create Order'}
          </Button>
        )}
      </div>
    </div>
  );
}
