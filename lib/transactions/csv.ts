import { GATEWAY_LABELS, METHOD_LABELS, MODE_LABELS, ORDER_STATUS_LABELS } from '@/components/transactions/status-labels';
import type { Db } from '@/db';
import { listTransactions, type TransactionFilters, type TransactionRow } from '@/db/queries/transactions';
import { minorToDecimal } from '@/lib/format';
import { describeForLog } from '@/lib/errors';
import { log } from '@/lib/log';
import type { PaymentMethod } from './view';

const HEADER = [
  'Order ID',
  'Mode',
  'Status',
  'Amount',
  'Refunded',
  'Currency',
  'Gateway',
  'Gateway order ID',
  'Method',
  'Customer email',
  'Customer phone',
  'Receipt',
  'Created (IST)',
  'Created (UTC, ISO 8601)',
];

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection): such a cell
// gets a leading apostrophe, which spreadsheets show as text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-looking text defused, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: (string | number | null)[]) => `${cells.map(csvCell).join(',')}\r\n`;

const IST_OFFSET_MS = 330 * 60 * 1000;
const istStamp = (date: Date) => new Date(date.getTime() + IST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

export function transactionCells(row: TransactionRow): (string | number | null)[] {
  return [
    row.id,
    MODE_LABELS[row.mode],
    ORDER_STATUS_LABELS[row.status],
    minorToDecimal(row.amount, row.currency),
    minorToDecimal(row.amountRefunded, row.currency),
    row.currency,
    GATEWAY_LABELS[row.gateway],
    row.gatewayOrderId,
    row.method ? (METHOD_LABELS[row.method as PaymentMethod] ?? row.method) : null,
    row.customerEmail,
    row.customerPhone,
    row.receipt,
    istStamp(row.createdAt),
    row.createdAt.toISOString(),
  ];
}

const BATCH = 500;

/**
 * Every row of the filtered view, newest first, as CSV (UTF-8 with a byte-order mark, so Excel
 * reads ₹ and names right). Pulled a batch at a time through the same keyset query as the page:
 * memory stays flat however many orders there are, and a client that stops reading stops the queries.
 */
export function transactionsCsv(db: Db, filters: TransactionFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(HEADER)}`));
        return;
      }
      try {
        const page = await listTransactions(db, { ...filters, cursor, limit: BATCH });
        if (page.rows.length > 0) controller.enqueue(encoder.encode(page.rows.map((row) => csvLine(transactionCells(row))).join('')));
        if (!page.nextCursor) controller.close();
        cursor = page.nextCursor;
      } catch (error) {
        log.error({ event: 'transactions_export_failed', appId: filters.appId, ...describeForLog(error) });
        controller.error(new Error('export failed'));
      }
    },
  });
}
