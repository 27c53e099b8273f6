import type { Db } from '@/db';
import { listTransactions, type TransactionFilters, type TransactionRow } from '@/db/queries/transactions';
import { formatDateTimeIst, formatMoney, formatShortDateTimeIst } from '@/lib/format';
import type { TransactionListResponse, TransactionRowDto } from './contract';
import { istDayEnd, istDayStart } from './ist';
import type { Mode, TransactionView } from './view';

export const PAGE_SIZE = 25;

/** The query's filters for a parsed view: days are IST days, `to` inclusive. */
export function filtersOf(appId: string, mode: Mode, view: TransactionView): TransactionFilters {
  return {
    appId,
    mode,
    status: view.status,
    gateway: view.gateway,
    method: view.method,
    createdFrom: view.from ? istDayStart(view.from) : undefined,
    createdBefore: view.to ? istDayEnd(view.to) : undefined,
    q: view.q,
  };
}

export function toRowDto(row: TransactionRow): TransactionRowDto {
  return {
    id: row.id,
    gateway: row.gateway,
    gatewayOrderId: row.gatewayOrderId,
    mode: row.mode,
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    amountLabel: formatMoney(row.amount, row.currency),
    amountRefunded: row.amountRefunded,
    refundedLabel: row.amountRefunded > 0 ? formatMoney(row.amountRefunded, row.currency) : null,
    method: row.method,
    customerEmail: row.customerEmail,
    customerPhone: row.customerPhone,
    receipt: row.receipt,
    createdAt: row.createdAt.toISOString(),
    createdAtLabel: formatDateTimeIst(row.createdAt),
    createdAtShortLabel: formatShortDateTimeIst(row.createdAt),
  };
}

/** One page of the view, in `mode` (the caller resolves the default). */
export async function loadTransactionPage(db: Db, params: { appId: string; mode: Mode; view: TransactionView }): Promise<TransactionListResponse> {
  const page = await listTransactions(db, { ...filtersOf(params.appId, params.mode, params.view), cursor: params.view.cursor, limit: PAGE_SIZE });
  return { mode: params.mode, rows: page.rows.map(toRowDto), nextCursor: page.nextCursor, prevCursor: page.prevCursor };
}
