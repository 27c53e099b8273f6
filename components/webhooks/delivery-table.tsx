import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDateTime } from '@/lib/format';
import type { DeliveryDto } from '@/lib/webhooks/delivery-page';
import type { LikelyCause } from '@/lib/webhooks/signature-diagnosis';
import { CAUSE_TEXT } from './diagnosis-labels';
import { OutcomeBadge } from './outcome-badge';
import { rejectionReasonLabel, SOURCE_LABELS } from './outcome-labels';

type Props = { appId: string; deliveries: DeliveryDto[]; onOpen: (id: string) => void };

export function DeliveryTable({ appId, deliveries, onOpen }: Props) {
  return (
    <Table containerProps={{ tabIndex: 0, role: 'region', 'aria-label': 'Webhook deliveries' }}>
      <TableHeader>
        <TableRow>
          <TableHead>Received</TableHead>
          <TableHead>Event</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead>Gateway event ID</TableHead>
          <TableHead>Order</TableHead>
          <TableHead>
            <span className="sr-only">Details</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {deliveries.map((d) => (
          <TableRow key={d.id}>
            <TableCell className="whitespace-nowrap">
              <time dateTime={d.receivedAt}>{formatDateTime(new Date(d.receivedAt))}</time>
              {d.source === 'sync' && <span className="block text-xs text-muted-foreground">{SOURCE_LABELS.sync}</span>}
            </TableCell>
            <TableCell className="font-mono text-xs">
              {d.eventType ?? '—'}
              {/* A refused delivery proves nothing: its type and id are only what it claims. */}
              {d.outcome === 'rejected' && (d.eventType || d.eventId) && <span className="block font-sans text-muted-foreground">unverified</span>}
            </TableCell>
            <TableCell>
              <div className="grid gap-1">
                <OutcomeBadge outcome={d.outcome} />
                {d.outcome === 'rejected' && (
                  <span className="text-xs text-muted-foreground">
                    {rejectionReasonLabel(d.rejectionReason)}
                    {d.likelyCause && d.likelyCause in CAUSE_TEXT && ` · ${CAUSE_TEXT[d.likelyCause as LikelyCause].title}`}
                  </span>
                )}
              </div>
            </TableCell>
            <TableCell className="max-w-48 truncate font-mono text-xs" title={d.eventId ?? undefined}>
              {d.eventId ?? '—'}
            </TableCell>
            <TableCell className="font-mono text-xs">
              {d.orderId ? (
                <Link href={`/apps/${appId}/transactions/${d.orderId}`} className="underline underline-offset-4 hover:text-foreground">
                  {d.orderId}
                </Link>
              ) : (
                (d.gatewayOrderId ?? '—')
              )}
            </TableCell>
            <TableCell className="text-right">
              <Button type="button" variant="outline" size="sm" onClick={() => onOpen(d.id)} aria-label={`Details of the delivery received ${formatDateTime(new Date(d.receivedAt))}`}>
                Details
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
