import { CircleCheck, CircleDashed, CircleX } from 'lucide-react';
import Link from 'next/link';
import { isComplete, isFailed } from '@/components/payment-gateway/status-labels';
import { StepStatusBadge } from '@/components/payment-gateway/step-status-badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { WizardStatus, WizardStatuses } from '@/lib/gateway-connections/view';

const STEPS = [
  { key: 'credentials', name: 'Credentials', description: 'Add your Razorpay or Cashfree keys and choose payment modes.' },
  { key: 'webhook', name: 'Webhook', description: 'Paste our webhook URL and secret into your gateway (Razorpay only).' },
  { key: 'npm', name: 'NPM Integration', description: 'Follow the guide to create orders from your backend.' },
  { key: 'security', name: 'Security', description: 'Generate your Public and Secret API keys.' },
] as const;

function StatusIcon({ status }: { status: WizardStatus }) {
  if (isComplete(status))
    return <CircleCheck className="mt-0.5 size-5 shrink-0 text-success" aria-hidden />;
  if (isFailed(status)) return <CircleX className="mt-0.5 size-5 shrink-0 text-destructive" aria-hidden />;
  return <CircleDashed className="mt-0.5 size-5 shrink-0 text-muted-foreground" aria-hidden />;
}

export function OnboardingChecklist({ appId, statuses }: { appId: string; statuses: WizardStatuses }) {
  const base = `/apps/${appId}/settings/payment-gateway`;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Payment gateway setup</h2>
        </CardTitle>
        <CardDescription>Four steps to take your first payment. A ₹1.00 test order verifies steps 1–3.</CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="grid gap-3" aria-label="Payment gateway steps">
          {STEPS.map((step, i) => (
            <li key={step.key}>
              <Link href={`${base}#${step.key}`} className="flex items-start gap-3 rounded-md border p-3 hover:bg-muted/50">
                <StatusIcon status={statuses[step.key]} />
                <div className="grid flex-1 gap-0.5">
                  <span className="text-sm font-medium">
                    {i + 1}. {step.name}
                  </span>
                  <span className="text-sm text-muted-foreground">{step.description}</span>
                </div>
                <StepStatusBadge status={statuses[step.key]} />
              </Link>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
