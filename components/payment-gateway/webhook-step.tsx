'use client';

import { Eye, EyeOff, RefreshCw } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { toast } from '@/components/ui/toast';
import {
  markWebhookDoneAction,
  revealWebhookSecretAction,
  rotateWebhookSecretAction,
} from '@/app/(dashboard)/apps/[appId]/settings/payment-gateway/actions';
import { CopyButton } from '@/components/copy-button';
import { KeyField } from '@/components/key-field';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CAUSE_TEXT } from '@/components/webhooks/diagnosis-labels';
import type { LikelyCause } from '@/lib/webhooks/signature-diagnosis';
import { ValueBox } from '@/components/value-box';
import type { StepStatus, WizardView } from '@/lib/gateway-connections/view';
import { useStepAction } from './use-step-action';

type Props = { appId: string; webhook: WizardView['webhook']; status: StepStatus };

/** Deliveries refused in the last 24 hours: how many, the latest one's likely cause, where to look. */
function RejectedWarning({ appId, webhook }: Pick<Props, 'appId' | 'webhook'>) {
  if (webhook.rejected24h === 0) return null;
  const cause = webhook.latestRejectionCause;
  const count = webhook.rejected24h === 1 ? '1 delivery was' : `${webhook.rejected24h} deliveries were`;
  return (
    <Alert variant="destructive">
      <AlertTitle>{count} rejected in the last 24 hours</AlertTitle>
      <AlertDescription>
        {cause && cause in CAUSE_TEXT && <p>Likely cause of the latest: {CAUSE_TEXT[cause as LikelyCause].title}.</p>}
        <Link href={`/apps/${appId}/webhooks?outcome=rejected`} className="font-medium text-foreground underline underline-offset-4">
          See the rejected deliveries and their signature checks
        </Link>
      </AlertDescription>
    </Alert>
  );
}

export function WebhookStep({ appId, webhook, status }: Props) {
  const [secret, setSecret] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);
  const { pending: running, run } = useStepAction();
  const pending = running || revealing;

  const reveal = async () => {
    if (secret) return setSecret(null);
    setRevealing(true);
    const result = await revealWebhookSecretAction({ appId });
    setRevealing(false);
    if (result.ok) setSecret(result.data.secret);
    else toast.error(result.message);
  };

  if (!webhook.required) {
    return (
      <div className="grid grid-cols-1 gap-4">
        <p className="text-sm text-muted-foreground">
          Not required for Cashfree: we send our notification URL (<code>notify_url</code>) with every order, and Cashfree
          signs each webhook with your Client Secret, so there is nothing to paste into the Cashfree dashboard.
        </p>
        <RejectedWarning appId={appId} webhook={webhook} />
      </div>
    );
  }

  if (!webhook.url) {
    return (
      <p className="text-sm text-muted-foreground">
        Your webhook URL and secret are created when you submit your credentials in step 1.
      </p>
    );
  }
  const url = webhook.url;

  return (
    <div className="grid grid-cols-1 gap-4">
      <ol className="grid list-decimal gap-1 pl-5 text-sm text-muted-foreground">
        <li>In the Razorpay dashboard, open Settings → Webhooks (or Developers → Webhooks) and click Add New Webhook.</li>
        <li>Paste the URL and the Secret below into the Webhook URL and Secret fields.</li>
        <li>Tick the active events listed below, save, then come back and click Mark as done.</li>
      </ol>
      <KeyField label="URL">
        <ValueBox overflow="truncate" actions={<CopyButton value={url} label="Copy webhook URL" />}>
          {url}
        </ValueBox>
      </KeyField>
      <KeyField label="Secret">
        <ValueBox
          overflow="truncate"
          testId="webhook-secret"
          actions={
            <>
              <Button type="button" variant="ghost" size="sm" onClick={reveal} disabled={pending}>
                {secret ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
                {secret ? 'Hide' : 'Reveal'}
              </Button>
              {secret && <CopyButton value={secret} label="Copy webhook secret" />}
            </>
          }
        >
          {secret ?? '••••••••••••••••••••••••'}
        </ValueBox>
        {webhook.previousSecretValidUntil && (
          <p className="text-xs text-muted-foreground">
            The previous secret keeps working until {new Date(webhook.previousSecretValidUntil).toUTCString()}.
          </p>
        )}
      </KeyField>
      <div className="grid gap-1 text-sm">
        <span className="font-medium">Active events to tick</span>
        <ul className="flex flex-wrap gap-2">
          {webhook.events.map((e) => (
            <li key={e}>
              <code className="rounded bg-muted px-1.5 py-0.5">{e}</code>
            </li>
          ))}
        </ul>
      </div>
      <p className="text-sm text-muted-foreground" role="status">
        {webhook.lastEventAt
          ? `Receiving events — last one at ${new Date(webhook.lastEventAt).toUTCString()}.`
          : 'No events yet. Events appear here once Razorpay sends a correctly signed webhook.'}
      </p>
      <RejectedWarning appId={appId} webhook={webhook} />
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          onClick={() => run(() => markWebhookDoneAction({ appId }), 'Webhook step marked as done')}
          disabled={pending || status !== 'pending'}
        >
          {status === 'pending' ? 'Mark as done' : 'Marked as done'}
        </Button>
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button type="button" variant="outline" disabled={pending}>
              <RefreshCw aria-hidden />
              Rotate secret
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>Rotate the webhook secret?</AlertDialogTitle>
              <AlertDialogDescription>
                A new secret is generated: paste it into Razorpay. The old one keeps verifying for 24 hours, because
                Razorpay signs retries of older events with it.
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>Cancel</AlertDialogCancel>
              <AlertDialogAction
                onClick={() => {
                  setSecret(null);
                  run(() => rotateWebhookSecretAction({ appId }), 'Webhook secret rotated');
                }}
              >
                Rotate secret
              </AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      </div>
    </div>
  );
}
