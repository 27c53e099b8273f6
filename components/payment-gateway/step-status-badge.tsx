import { Badge } from '@/components/ui/badge';
import type { StepStatus } from '@/lib/gateway-connections/view';

const variants: Record<StepStatus, React.ComponentProps<typeof Badge>['variant']> = {
  'Not started': 'outline',
  Submitted: 'secondary',
  Done: 'secondary',
  Verified: 'success',
  Failed: 'destructive',
  'Not required': 'outline',
  Locked: 'destructive',
};

export function StepStatusBadge({ status }: { status: StepStatus }) {
  return <Badge variant={variants[status]}>{status}</Badge>;
}
