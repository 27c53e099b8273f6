import type { Badge } from '@/components/ui/badge';
import type { OutboundAttempt } from '@/db/schema';
import type { DeliveryStatus } from '@/lib/outbound-webhooks/delivery-log-url';
import type { RotationOverlap } from '@/lib/outbound-webhooks/endpoint-input';
import type { EndpointView } from '@/lib/outbound-webhooks/endpoint-view';
import { formatDateTime, formatPreciseDateTime } from '@/lib/format';

type Variant = React.ComponentProps<typeof Badge>['variant'];

// The one place the outgoing webhooks' enums become words (and badge colours).

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = { pending: 'Pending', succeeded: 'Succeeded', failed: 'Failed' };
export const DELIVERY_STATUS_VARIANTS: Record<DeliveryStatus, Variant> = { pending: 'warning', succeeded: 'success', failed: 'destructive' };
export const DELIVERY_STATUS_DESCRIPTIONS: Record<DeliveryStatus, string> = {
  pending: 'Waiting for its next attempt, or being delivered now.',
  succeeded: 'Your server answered 2xx.',
  failed: 'Every retry failed. Resend it, or Recover every failed event since a time.',
};

export const ATTEMPT_STATUS_LABELS: Record<OutboundAttempt['status'], string> = {
  in_flight: 'In flight',
  succeeded: 'Succeeded',
  failed: 'Failed',
  abandoned: 'Abandoned',
};
export const ATTEMPT_STATUS_VARIANTS: Record<OutboundAttempt['status'], Variant> = {
  in_flight: 'warning',
  succeeded: 'success',
  failed: 'destructive',
  abandoned: 'secondary',
};

export const OVERLAPS = ['none', '1h', '24h', '7d'] as const satisfies readonly RotationOverlap[];
export const OVERLAP_LABELS: Record<RotationOverlap, string> = { none: 'No overlap', '1h': '1 hour', '24h': '24 hours', '7d': '7 days' };

/** `ms` in the largest whole unit: "5 days", "3 hours", "12 minutes", "40 seconds". */
export function durationWords(ms: number) {
  const units = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ] as const;
  for (const [unit, size] of units) {
    const n = Math.floor(ms / size);
    if (n >= 1) return `${n} ${unit}${n === 1 ? '' : 's'}`;
  }
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

type Health = Pick<EndpointView, 'enabled' | 'disabledReason' | 'disabledAt' | 'failingSince'>;

/** An endpoint's state as a badge and, when it is in trouble, a sentence saying why and since when. */
export function endpointStatus(endpoint: Health): { label: string; variant: Variant; detail: string | null } {
  const since = (iso: string | null) => (iso ? formatDateTime(new Date(iso)) : null);
  if (endpoint.enabled) {
    return endpoint.failingSince
      ? { label: 'Failing', variant: 'warning', detail: `Failing since ${since(endpoint.failingSince)}` }
      : { label: 'Enabled', variant: 'success', detail: null };
  }
  switch (endpoint.disabledReason) {
    case 'gone':
      return { label: 'Disabled', variant: 'destructive', detail: `Disabled: answered 410 Gone${endpoint.disabledAt ? ` (${since(endpoint.disabledAt)})` : ''}` };
    case 'failing': {
      const span =
        endpoint.failingSince && endpoint.disabledAt ? ` for ${durationWords(Date.parse(endpoint.disabledAt) - Date.parse(endpoint.failingSince))}` : '';
      return {
        label: 'Disabled',
        variant: 'destructive',
        detail: `Disabled: failing${span}${endpoint.failingSince ? `, since ${since(endpoint.failingSince)}` : ''}`,
      };
    }
    default:
      return { label: 'Disabled', variant: 'secondary', detail: `Disabled by you${endpoint.disabledAt ? ` (${since(endpoint.disabledAt)})` : ''}` };
  }
}

/**
 * What a delivery's row says after its status: the next retry, or how the last attempt ended. A
 * disabled endpoint's pending deliveries wait for it to be enabled again.
 */
export function deliveryProgress(
  d: { status: DeliveryStatus; attempts: number; inFlight: boolean; nextAttemptAt: string | null; lastResponseStatus: number | null; lastError: string | null },
  endpointEnabled: boolean,
) {
  if (d.inFlight) return 'Sending now…';
  const last = d.lastResponseStatus !== null ? `Last answer: ${d.lastResponseStatus}` : d.lastError ? `Last error: ${d.lastError}` : null;
  if (d.status === 'pending') {
    if (!endpointEnabled) return `Waiting until the endpoint is enabled${last ? ` · ${last}` : ''}`;
    const next = d.nextAttemptAt ? `at ${formatPreciseDateTime(new Date(d.nextAttemptAt))}` : 'soon';
    return d.attempts === 0 ? `Queued: first attempt ${next}` : `Next retry ${next}${last ? ` · ${last}` : ''}`;
  }
  return last ?? '—';
}
