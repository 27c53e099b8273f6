import type { GatewayName, Mode, OrderStatus } from './view';

// What the Transactions routes answer and the browser reads: no server-only imports here.
// Amounts are integers in minor units; `…Label` fields are formatted on the server (money in its
// currency, times in IST), so the server render and the browser's refreshes read alike.

export type TransactionRowDto = {
  id: string;
  gateway: GatewayName;
  gatewayOrderId: string;
  mode: Mode;
  status: OrderStatus;
  amount: number;
  currency: string;
  amountLabel: string;
  amountRefunded: number;
  refundedLabel: string | null;
  method: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
  receipt: string | null;
  createdAt: string;
  /** To the second, labelled IST. */
  createdAtLabel: string;
  /** To the minute, for the list (its column says IST). */
  createdAtShortLabel: string;
};

export type TransactionListResponse = {
  mode: Mode;
  rows: TransactionRowDto[];
  nextCursor: string | null;
  prevCursor: string | null;
};

export type PaymentStatus = 'created' | 'pending' | 'authorized' | 'captured' | 'failed' | 'dropped' | 'refunded';
export type RefundStatus = 'pending' | 'processed' | 'failed';
export type EventOutcome = 'applied' | 'duplicate' | 'stale' | 'ignored' | 'rejected';
export type EventSource = 'webhook' | 'sync';

export type RefundDto = {
  gatewayRefundId: string;
  amountLabel: string;
  status: RefundStatus;
  createdAt: string;
  createdAtLabel: string;
};

export type PaymentDto = {
  gatewayPaymentId: string;
  method: string | null;
  amountLabel: string;
  status: PaymentStatus;
  errorCode: string | null;
  errorDescription: string | null;
  amountRefunded: number;
  refundedLabel: string | null;
  createdAtLabel: string;
  updatedAtLabel: string;
  refunds: RefundDto[];
};

export type TimelineEventDto = {
  id: string;
  source: EventSource;
  outcome: EventOutcome;
  eventId: string | null;
  eventType: string | null;
  gatewayPaymentId: string | null;
  receivedAt: string;
  receivedAtLabel: string;
};

export type OrderDetailResponse = {
  order: TransactionRowDto & {
    notes: Record<string, string>;
    updatedAt: string;
    updatedAtLabel: string;
  };
  payments: PaymentDto[];
  timeline: TimelineEventDto[];
  /** Older deliveries were left out of the timeline. */
  timelineTruncated: boolean;
};

export type OrderEventResponse = TimelineEventDto & {
  headers: Record<string, string>;
  /** The raw body as received (pretty-printing is the browser's job: it is shown as text). */
  payload: string;
};

export type SyncOrderResult = {
  before: OrderStatus;
  after: OrderStatus;
  applied: number;
  stale: number;
};
