'use client';

import { ExternalLink } from 'lucide-react';
import Link from 'next/link';
import { markNpmDoneAction } from '@/app/(dashboard)/apps/[appId]/settings/payment-gateway/actions';
import { Button } from '@/components/ui/button';
import type { StepStatus } from '@/lib/gateway-connections/view';
import { useStepAction } from './use-step-action';

export function NpmStep({ appId, status }: { appId: string; status: StepStatus }) {
  const { pending, run } = useStepAction();
  return (
    <div className="grid gap-4">
      <p className="text-sm text-muted-foreground">
        The integration guide shows how your backend creates orders with your Secret API Key, how your frontend opens the
        gateway&apos;s checkout, and how to confirm a payment from the webhook rather than the browser.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" asChild>
          <Link href="/docs/npm-integration" target="_blank" rel="noopener">
            Open the integration guide
            <ExternalLink aria-hidden />
            <span className="sr-only">(opens in a new tab)</span>
          </Link>
        </Button>
        <Button
          type="button"
          onClick={() => run(() => markNpmDoneAction({ appId }), 'NPM Integration step marked as done')}
          disabled={pending || status !== 'pending'}
        >
          {status === 'pending' ? 'Mark as done' : 'Marked as done'}
        </Button>
      </div>
    </div>
  );
}
