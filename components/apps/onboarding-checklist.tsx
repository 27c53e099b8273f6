import { CircleDashed } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';

export const GATEWAY_STEPS = ['Credentials', 'Webhook', 'NPM Integration', 'Security'] as const;

export type ChecklistStep = { name: string; status: string; description: string };

const DESCRIPTIONS: Record<(typeof GATEWAY_STEPS)[number], string> = {
  Credentials: 'Add your Razorpay or Cashfree keys and choose payment modes.',
  Webhook: 'Paste our webhook URL and secret into your gateway (Razorpay only).',
  'NPM Integration': 'Follow the guide to create orders from your backend.',
  Security: 'Generate your Public and Secret API keys.',
};

export function defaultChecklist(): ChecklistStep[] {
  return GATEWAY_STEPS.map((name) => ({ name, status: 'Not started', description: DESCRIPTIONS[name] }));
}

export function OnboardingChecklist({ steps }: { steps: ChecklistStep[] }) {
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
          {steps.map((step, i) => (
            <li key={step.name} className="flex items-start gap-3 rounded-md border p-3">
              <CircleDashed className="mt-0.5 size-5 shrink-0 text-muted-foreground" aria-hidden />
              <div className="grid flex-1 gap-0.5">
                <p className="text-sm font-medium">
                  {i + 1}. {step.name}
                </p>
                <p className="text-sm text-muted-foreground">{step.description}</p>
              </div>
              <Badge variant="outline">{step.status}</Badge>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
