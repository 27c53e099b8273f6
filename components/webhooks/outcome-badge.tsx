import { Badge } from '@/components/ui/badge';
import type { DeliveryOutcome } from '@/db/schema';
import { OUTCOME_BADGES, OUTCOME_DESCRIPTIONS, OUTCOME_LABELS } from './outcome-labels';

export function OutcomeBadge({ outcome }: { outcome: DeliveryOutcome }) {
  return (
    <Badge variant={OUTCOME_BADGES[outcome]} title={OUTCOME_DESCRIPTIONS[outcome]}>
      {OUTCOME_LABELS[outcome]}
    </Badge>
  );
}
