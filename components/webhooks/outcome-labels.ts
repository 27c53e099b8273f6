import type { DeliveryOutcome } from '@/db/schema';

type BadgeVariant = 'success' | 'secondary' | 'outline' | 'destructive' | 'warning';

/** The one place a delivery's outcome, rejection reason and source become words. */
export const OUTCOME_LABELS: Record<DeliveryOutcome, string> = {
  applied: 'Applied',
  duplicate: 'Duplicate',
  stale: 'Stale',
  ignored: 'Ignored',
  rejected: 'Rejected',
};

export const OUTCOME_DESCRIPTIONS: Record<DeliveryOutcome, string> = {
  applied: 'Verified and applied: an order or payment moved forward.',
  duplicate: 'Verified; this signed body was received before.',
  stale: 'Verified; it told nothing newer than what KS Pay holds.',
  ignored: 'Verified; it is about an order KS Pay did not create.',
  rejected: 'Refused: the signature did not check out, or the event is one KS Pay does not handle.',
};

export const OUTCOME_BADGES: Record<DeliveryOutcome, BadgeVariant> = {
  applied: 'success',
  duplicate: 'secondary',
  stale: 'secondary',
  ignored: 'outline',
  rejected: 'destructive',
};

const REJECTION_REASONS: Record<string, string> = {
  missing_signature: 'Missing signature',
  malformed_signature: 'Malformed signature',
  missing_timestamp: 'Missing timestamp',
  signature_mismatch: 'Signature mismatch',
  no_secrets: 'No secret to check with',
  unknown_event: 'Unknown event',
};
export const rejectionReasonLabel = (reason: string | null) => (reason ? (REJECTION_REASONS[reason] ?? reason) : 'Rejected');

export const SOURCE_LABELS = { webhook: 'Webhook', sync: 'Sync with gateway' } as const;
export const GATEWAY_LABELS = { razorpay: 'Razorpay', cashfree: 'Cashfree' } as const;
