import { Badge } from '@/components/ui/badge';
import type { OutboundAttempt } from '@/db/schema';
import type { DeliveryStatus } from '@/lib/outbound-webhooks/delivery-log-url';
import { ATTEMPT_STATUS_LABELS, ATTEMPT_STATUS_VARIANTS, DELIVERY_STATUS_LABELS, DELIVERY_STATUS_VARIANTS } from './labels';

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return <Badge variant={DELIVERY_STATUS_VARIANTS[status]}>{DELIVERY_STATUS_LABELS[status]}</Badge>;
}

export function AttemptStatusBadge({ status }: { status: OutboundAttempt['status'] }) {
  return <Badge variant={ATTEMPT_STATUS_VARIANTS[status]}>{ATTEMPT_STATUS_LABELS[status]}</Badge>;
}
