import type { WizardView } from '@/lib/gateway-connections/view';
import { StepStatusBadge } from './step-status-badge';

const STEPS = [
  { key: 'credentials', title: 'Credentials' },
  { key: 'webhook', title: 'Webhook' },
  { key: 'npm', title: 'NPM Integration' },
  { key: 'security', title: 'Security' },
] as const;

type Props = { statuses: WizardView['statuses']; securityBadge: React.ReactNode };

export function GatewayStepper({ statuses, securityBadge }: Props) {
  return (
    <ol aria-label="Payment gateway steps" className="grid gap-2 sm:grid-cols-4">
      {STEPS.map((step, i) => (
        <li key={step.key}>
          <a
            href={`#${step.key}`}
            className="flex h-full flex-col gap-2 rounded-lg border p-3 text-sm hover:bg-muted/50 focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
          >
            <span className="font-medium">
              {i + 1}. {step.title}
            </span>
            {step.key === 'security' ? securityBadge : <StepStatusBadge status={statuses[step.key]} />}
          </a>
        </li>
      ))}
    </ol>
  );
}
