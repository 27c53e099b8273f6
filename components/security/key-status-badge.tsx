import { Badge } from '@/components/ui/badge';
import type { ApiKeyStatus } from '@/lib/api-keys/contract';

const BADGES: Record<ApiKeyStatus, { label: string; variant: 'success' | 'warning' | 'secondary' | 'destructive' }> = {
  active: { label: 'Active', variant: 'success' },
  expiring: { label: 'Expiring', variant: 'warning' },
  expired: { label: 'Expired', variant: 'secondary' },
  revoked: { label: 'Revoked', variant: 'destructive' },
};

export function KeyStatusBadge({ status }: { status: ApiKeyStatus }) {
  const { label, variant } = BADGES[status];
  return <Badge variant={variant}>{label}</Badge>;
}
