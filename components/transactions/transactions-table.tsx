import Link from 'next/link';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { TransactionRowDto } from '@/lib/transactions/contract';
import { OrderStatusBadge } from './status-badges';
import { GATEWAY_LABELS, methodLabel } from './status-labels';

type Props = { appId: string; rows: TransactionRowDto[] };

const orderHref = (appId: string, id: string) => `/apps/${appId}/transactions/${id}`;

function Amount({ row }: { row: TransactionRowDto }) {
  return (
    <>
      <span className="font-medium tabular-nums">{row.amountLabel}</span>
      {row.refundedLabel && <span className="block text-xs text-muted-foreground">{row.refundedLabel} refunded</span>}
    </>
  );
}

function Customer({ row }: { row: TransactionRowDto }) {
  if (!row.customerEmail && !row.customerPhone) return <span className="text-muted-foreground">—</span>;
  return (
    <>
      {row.customerEmail && (
        <span className="block max-w-48 truncate" title={row.customerEmail}>
          {row.customerEmail}
        </span>
      )}
      {row.customerPhone && <span className="block text-xs text-muted-foreground">{row.customerPhone}</span>}
    </>
  );
}

/** Orders as a table on wide screens, as a list of cards on phones. */
export function TransactionsTable({ appId, rows }: Props) {
  return (
    <>
      <Table className="hidden md:table" containerProps={{ className: 'hidden md:block rounded-lg border' }}>
        <TableHeader>
          <TableRow>
            <TableHead>Order</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="text-right">Amount</TableHead>
            <TableHead>Gateway</TableHead>
            <TableHead>Method</TableHead>
            <TableHead>Customer</TableHead>
            <TableHead>Created (IST)</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell>
                <Link href={orderHref(appId, row.id)} className="font-mono text-xs font-medium underline-offset-4 hover:underline">
                  {row.id}
                </Link>
                {row.receipt && <span className="block text-xs text-muted-foreground">{row.receipt}</span>}
              </TableCell>
              <TableCell>
                <OrderStatusBadge status={row.status} />
              </TableCell>
              <TableCell className="text-right">
                <Amount row={row} />
              </TableCell>
              <TableCell>{GATEWAY_LABELS[row.gateway]}</TableCell>
              <TableCell>{methodLabel(row.method) ?? <span className="text-muted-foreground">—</span>}</TableCell>
              <TableCell className="text-sm">
                <Customer row={row} />
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">
                <time dateTime={row.createdAt} title={row.createdAtLabel}>
                  {row.createdAtShortLabel}
                </time>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ul aria-label="Transactions" className="grid gap-2 md:hidden">
        {rows.map((row) => (
          <li key={row.id} className="rounded-lg border bg-card p-3 text-sm">
            <div className="flex items-start justify-between gap-2">
              <Link href={orderHref(appId, row.id)} className="font-mono text-xs font-medium break-all underline underline-offset-4">
                {row.id}
              </Link>
              <OrderStatusBadge status={row.status} />
            </div>
            <div className="mt-2 flex items-baseline justify-between gap-2">
              <div>
                <Amount row={row} />
              </div>
              <span className="text-xs text-muted-foreground">
                {GATEWAY_LABELS[row.gateway]}
                {row.method && ` · ${methodLabel(row.method)}`}
              </span>
            </div>
            <div className="mt-2 grid gap-0.5 text-xs text-muted-foreground">
              {(row.customerEmail || row.customerPhone) && (
                <span className="truncate">{[row.customerEmail, row.customerPhone].filter(Boolean).join(' · ')}</span>
              )}
              <time dateTime={row.createdAt}>{row.createdAtLabel}</time>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
