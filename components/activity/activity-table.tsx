import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { listAudit } from '@/db/queries/audit';
import { formatDateTime } from '@/lib/format';
import { describeAction, summarizeDetails } from './describe-audit';

export type ActivityEntry = Awaited<ReturnType<typeof listAudit>>[number];

/** `showApp`: the account-wide log, where each entry names its app (and says when it was deleted). */
export function ActivityTable({ entries, showApp = false }: { entries: ActivityEntry[]; showApp?: boolean }) {
  return (
    <Table containerProps={{ tabIndex: 0, role: 'region', 'aria-label': 'Activity log' }}>
      <TableHeader>
        <TableRow>
          <TableHead>When</TableHead>
          {showApp && <TableHead>App</TableHead>}
          <TableHead>Who</TableHead>
          <TableHead>What</TableHead>
          <TableHead>Details</TableHead>
          <TableHead>IP</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id}>
            <TableCell className="whitespace-nowrap">
              <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
            </TableCell>
            {showApp && (
              <TableCell>
                <span className="font-medium">{entry.appName}</span>{' '}
                <span className="font-mono text-xs text-muted-foreground">{entry.appPublicId}</span>
                {entry.appDeleted && <span className="text-xs text-muted-foreground"> (deleted)</span>}
              </TableCell>
            )}
            <TableCell>{entry.actorEmail ?? 'System'}</TableCell>
            <TableCell className="font-medium">{describeAction(entry.action)}</TableCell>
            <TableCell className="max-w-md min-w-48 text-xs break-words whitespace-normal text-muted-foreground">
              {summarizeDetails(entry.action, entry.details) || '—'}
            </TableCell>
            <TableCell className="font-mono text-xs">{entry.ip ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
