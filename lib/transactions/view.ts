import { decodeCursor } from './cursor';
import { parseIsoDate } from './ist';

/**
 * What the Transactions page shows, as its URL says it: one mode, the filters, the search and the
 * page. Parsed field by field, so the page can ignore a bad one (and say so) while the API
 * answers 400. Client-safe: the filter bar builds its URLs with the same code.
 */
export const MODES = ['test', 'live'] as const;
export const ORDER_STATUSES = ['created', 'processing', 'paid', 'failed', 'refunded', 'partially_refunded'] as const;
export const GATEWAY_NAMES = ['razorpay', 'cashfree'] as const;
export const PAYMENT_METHODS = ['upi', 'card', 'credit_card', 'debit_card', 'netbanking', 'wallet', 'emi', 'other'] as const;

export type Mode = (typeof MODES)[number];
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type GatewayName = (typeof GATEWAY_NAMES)[number];
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** The longest search worth running: an email address. */
export const MAX_QUERY_LENGTH = 254;

export type TransactionView = {
  mode?: Mode;
  status?: OrderStatus;
  gateway?: GatewayName;
  method?: PaymentMethod;
  /** IST calendar days, inclusive. */
  from?: string;
  to?: string;
  q?: string;
  cursor?: string;
};

export type ViewParam = keyof TransactionView;
export type ViewIssue = { param: ViewParam; message: string };

/** The parameters in the order URLs write them. */
const PARAMS: ViewParam[] = ['mode', 'status', 'gateway', 'method', 'from', 'to', 'q', 'cursor'];
export const FILTER_PARAMS: ViewParam[] = ['status', 'gateway', 'method', 'from', 'to', 'q'];

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

const oneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

type Reader = (name: ViewParam) => string[];

/** Reads a URLSearchParams or a Next.js `searchParams` object. */
export function readerOf(params: URLSearchParams | Record<string, string | string[] | undefined>): Reader {
  if (params instanceof URLSearchParams) return (name) => params.getAll(name);
  return (name) => {
    const value = params[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
}

function parseOne(param: ViewParam, raw: string): { value?: string; message?: string } {
  if (CONTROL.test(raw) || !raw.isWellFormed()) return { message: 'contains control or invalid characters' };
  const value = param === 'q' ? raw.trim() : raw;
  if (value === '') return {};
  switch (param) {
    case 'mode':
      return oneOf(MODES, value) ? { value } : { message: 'must be test or live' };
    case 'status':
      return oneOf(ORDER_STATUSES, value) ? { value } : { message: `must be one of ${ORDER_STATUSES.join(', ')}` };
    case 'gateway':
      return oneOf(GATEWAY_NAMES, value) ? { value } : { message: `must be one of ${GATEWAY_NAMES.join(', ')}` };
    case 'method':
      return oneOf(PAYMENT_METHODS, value) ? { value } : { message: `must be one of ${PAYMENT_METHODS.join(', ')}` };
    case 'from':
    case 'to':
      return parseIsoDate(value) ? { value } : { message: 'must be a date written YYYY-MM-DD (between 2000 and 2100)' };
    case 'q':
      return value.length <= MAX_QUERY_LENGTH ? { value } : { message: `must be at most ${MAX_QUERY_LENGTH} characters` };
    case 'cursor':
      return decodeCursor(value) ? { value } : { message: 'is not a page of this list (start again from the first page)' };
  }
}

/** The view a URL asks for, and what was wrong with it (each bad parameter is left out of the view). */
export function parseTransactionView(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const read = readerOf(params);
  const view: TransactionView = {};
  const issues: ViewIssue[] = [];
  for (const param of PARAMS) {
    const values = read(param);
    if (values.length === 0) continue;
    if (values.length > 1) {
      issues.push({ param, message: 'is given more than once' });
      continue;
    }
    const { value, message } = parseOne(param, values[0]!);
    if (message) issues.push({ param, message });
    else if (value !== undefined) (view as Record<string, string>)[param] = value;
  }
  if (view.from && view.to && view.from > view.to) {
    issues.push({ param: 'to', message: 'is before from' });
    delete view.from;
    delete view.to;
  }
  return { view, issues };
}

/** The query string of a view, parameters always in the same order (so equal views share a URL). */
export function viewSearch(view: TransactionView): string {
  const search = new URLSearchParams();
  for (const param of PARAMS) {
    const value = view[param];
    if (value) search.set(param, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const hasFilters = (view: TransactionView) => FILTER_PARAMS.some((param) => Boolean(view[param]));

/** The same view without filters and page: what "Clear filters" goes to. */
export const clearedView = (view: TransactionView): TransactionView => (view.mode ? { mode: view.mode } : {});
