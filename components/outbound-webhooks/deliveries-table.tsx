import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatPreciseDateTime } from '@/lib/format';
import type { EndpointDeliveryDto } from '@/lib/outbound-webhooks/delivery-log';
import { DeliveryStatusBadge } from './delivery-status-badge';
import { deliveryProgress } from './labels';

type Props = { deliveries: EndpointDeliveryDto[]; endpointEnabled: boolean; onOpen: (eventId: string) => void };

export function DeliveriesTable({ deliveries, endpointEnabled, onOpen }: Props) {
  return (
    <Table containerProps={{ tabIndex: 0, role: 'region', 'aria-label': 'Deliveries' }}>
      <TableHeader>
        <TableRow>
          <TableHead>Created</TableHead>
          <TableHead>Event</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Attempts</TableHead>
          <TableHead>Next retry or last answer</TableHead>
          <TableHead>
            <span className="sr-only">Details</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {deliveries.map((d) => (
          <TableRow key={d.eventId} data-event-id={d.eventId}>
            <TableCell className="whitespace-nowrap">
              <time dateTime={d.createdAt}>{formatPreciseDateTime(new Date(d.createdAt))}</time>
            </TableCell>
            <TableCell className="font-mono text-xs">
              {d.eventType}
              <span className="block text-muted-foreground">{d.eventId}</span>
            </TableCell>
            <TableCell>
              <DeliveryStatusBadge status={d.status} />
            </TableCell>
            <TableCell className="text-right tabular-nums">{d.attempts}</TableCell>
            <TableCell className="max-w-72 text-xs whitespace-normal break-words">{deliveryProgress(d, endpointEnabled)}</TableCell>
            <TableCell className="text-right">
              <Button type="button" variant="outline" size="sm" onClick={() => onOpen(d.eventId)} aria-label={`Details of ${d.eventType} ${d.eventId}`}>
                Details
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
