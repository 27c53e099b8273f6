import { Badge } from '@/components/ui/badge';
import type { EndpointView } from '@/lib/outbound-webhooks/endpoint-view';
import { endpointStatus } from './labels';

type Health = Pick<EndpointView, 'enabled' | 'disabledReason' | 'disabledAt' | 'failingSince'>;

/** The endpoint's badge and, when it is failing or disabled, why and since when. */
export function EndpointStatus({ endpoint }: { endpoint: Health }) {
  const status = endpointStatus(endpoint);
  return (
    <div className="grid gap-1">
      <Badge variant={status.variant} data-testid="endpoint-status">
        {status.label}
      </Badge>
      {status.detail && <span className="text-xs text-muted-foreground">{status.detail}</span>}
    </div>
  );
}
