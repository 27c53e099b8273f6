import { Badge } from '@/components/ui/badge';
import type { WizardStatus } from '@/lib/gateway-connections/view';
import { STATUS_LABELS } from './status-labels';

const variants: Record<WizardStatus, React.ComponentProps<typeof Badge>['variant']> = {
  pending: 'outline',
  submitted: 'secondary',
  done: 'secondary',
  verified: 'success',
  failed: 'destructive',
  not_required: 'outline',
  locked: 'destructive',
};

export function StepStatusBadge({ status }: { status: WizardStatus }) {
  return <Badge variant={variants[status]}>{STATUS_LABELS[status]}</Badge>;
}
