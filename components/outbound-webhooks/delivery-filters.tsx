'use client';

import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { DELIVERY_EVENT_TYPES, DELIVERY_STATUSES, type DeliveryLogQuery } from '@/lib/outbound-webhooks/delivery-log-url';
import { DELIVERY_STATUS_LABELS } from './labels';

const ALL = 'all';

type Props = { query: DeliveryLogQuery; onChange: (query: DeliveryLogQuery) => void };

/** Status and event type; any change goes back to the newest page. */
export function DeliveryFilters({ query, onChange }: Props) {
  const filtered = Boolean(query.status || query.eventType);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor="filter-status">Status</Label>
        <Select
          value={query.status ?? ALL}
          onValueChange={(value) => onChange({ ...query, status: value === ALL ? undefined : (value as DeliveryLogQuery['status']), cursor: undefined })}
        >
          <SelectTrigger id="filter-status" className="w-40">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All statuses</SelectItem>
            {DELIVERY_STATUSES.map((status) => (
              <SelectItem key={status} value={status}>
                {DELIVERY_STATUS_LABELS[status]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-type">Event type</Label>
        <Select
          value={query.eventType ?? ALL}
          onValueChange={(value) => onChange({ ...query, eventType: value === ALL ? undefined : (value as DeliveryLogQuery['eventType']), cursor: undefined })}
        >
          <SelectTrigger id="filter-type" className="w-64 max-w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All event types</SelectItem>
            {DELIVERY_EVENT_TYPES.map((type) => (
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
