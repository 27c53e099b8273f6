import Link from 'next/link';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { EndpointView } from '@/lib/outbound-webhooks/endpoint-view';
import { SUBSCRIBABLE_EVENTS } from '@/lib/outbound-webhooks/event-types';
import { DeleteEndpointDialog, EnableButton } from './endpoint-actions';
import { EditEndpointDialog } from './endpoint-dialogs';
import { EndpointStatus } from './endpoint-status';

const eventsText = (events: readonly string[]) => (SUBSCRIBABLE_EVENTS.every((type) => events.includes(type)) ? 'All events' : events.join(', '));

/** One mode's endpoints with their state and actions; the URL opens the endpoint's page. */
export function EndpointsTable({ appId, endpoints }: { appId: string; endpoints: EndpointView[] }) {
  return (
    <Table containerProps={{ tabIndex: 0, role: 'region', 'aria-label': 'Endpoints' }}>
      <TableHeader>
        <TableRow>
          <TableHead>Endpoint</TableHead>
          <TableHead>Events</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {endpoints.map((endpoint) => (
          <TableRow key={endpoint.id}>
            <TableCell className="max-w-80">
              <Link href={`/apps/${appId}/settings/webhooks/${endpoint.id}`} className="block truncate font-mono text-xs underline underline-offset-4" title={endpoint.url}>
                {endpoint.url}
              </Link>
              {endpoint.description && <span className="block truncate text-xs text-muted-foreground">{endpoint.description}</span>}
            </TableCell>
            <TableCell className="max-w-64 font-mono text-xs whitespace-normal">{eventsText(endpoint.events)}</TableCell>
            <TableCell className="whitespace-normal">
              <EndpointStatus endpoint={endpoint} />
            </TableCell>
            <TableCell>
              <div className="flex justify-end gap-2">
                <EditEndpointDialog appId={appId} endpoint={endpoint} />
                <EnableButton appId={appId} endpoint={endpoint} />
                <DeleteEndpointDialog appId={appId} endpoint={endpoint} />
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
