'use client';

import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import type { DeliveryOutcome } from '@/db/schema';
import { DELIVERY_OUTCOMES } from '@/lib/webhooks/delivery-outcomes';
import type { DeliveryQuery } from '@/lib/webhooks/delivery-url';
import { OUTCOME_LABELS } from './outcome-labels';

const ALL = 'all';

type Props = { query: DeliveryQuery; eventTypes: readonly string[]; onChange: (query: DeliveryQuery) => void };

/** Outcome and event type; any change goes back to the newest page. */
export function DeliveryFilters({ query, eventTypes, onChange }: Props) {
  const types = query.eventType && !eventTypes.includes(query.eventType) ? [...eventTypes, query.eventType] : eventTypes;
  const filtered = Boolean(query.outcome || query.eventType);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor="filter-outcome">Outcome</Label>
        <Select
          value={query.outcome ?? ALL}
          onValueChange={(value) => onChange({ ...query, outcome: value === ALL ? undefined : (value as DeliveryOutcome), cursor: undefined })}
        >
          <SelectTrigger id="filter-outcome" className="w-40">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All outcomes</SelectItem>
            {DELIVERY_OUTCOMES.map((outcome) => (
              <SelectItem key={outcome} value={outcome}>
                {OUTCOME_LABELS[outcome]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-type">Event type</Label>
        <Select
          value={query.eventType ?? ALL}
          onValueChange={(value) => onChange({ ...query, eventType: value === ALL ? undefined : value, cursor: undefined })}
        >
          <SelectTrigger id="filter-type" className="w-64 max-w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All event types</SelectItem>
            {types.map((type) => (
              <SelectItem key={type} value={type} className="font-mono text-xs">
                {type}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {filtered && (
        <Button type="button" variant="ghost" onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
