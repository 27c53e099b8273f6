import { CopyButton } from '@/components/copy-button';
import type { PaymentDto } from '@/lib/transactions/contract';
import { PaymentStatusBadge } from './status-badges';
import { methodLabel, REFUND_STATUS_LABELS } from './status-labels';

/** Each payment attempt with its error and refunds, oldest first. */
export function OrderPayments({ payments }: { payments: PaymentDto[] }) {
  if (payments.length === 0) {
    return <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">No payment attempt yet.</p>;
  }
  return (
    <ul aria-label="Payments" className="grid gap-3">
      {payments.map((p) => (
        <li key={p.gatewayPaymentId} className="grid gap-3 rounded-lg border p-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="flex min-w-0 items-center gap-1">
              <code className="truncate text-sm">{p.gatewayPaymentId}</code>
              <CopyButton value={p.gatewayPaymentId} label={`Copy payment ID ${p.gatewayPaymentId}`} />
            </div>
            <PaymentStatusBadge status={p.status} />
          </div>
          <dl className="grid gap-3 text-sm sm:grid-cols-4">
            <div className="grid gap-0.5">
              <dt className="text-muted-foreground">Amount</dt>
              <dd className="tabular-nums">{p.amountLabel}</dd>
            </div>
            <div className="grid gap-0.5">
              <dt className="text-muted-foreground">Method</dt>
              <dd>{methodLabel(p.method) ?? '—'}</dd>
            </div>
            <div className="grid gap-0.5">
              <dt className="text-muted-foreground">Refunded</dt>
              <dd className="tabular-nums">{p.refundedLabel ?? '—'}</dd>
            </div>
            <div className="grid gap-0.5">
              <dt className="text-muted-foreground">Last update</dt>
              <dd>{p.updatedAtLabel}</dd>
            </div>
          </dl>
          {(p.errorCode || p.errorDescription) && (
            <p className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">
              {p.errorCode && <code className="font-medium">{p.errorCode}</code>}
              {p.errorCode && p.errorDescription && ': '}
              {p.errorDescription}
            </p>
          )}
          {p.refunds.length > 0 && (
            <div className="grid gap-1.5">
              <h4 className="text-sm font-medium">Refunds</h4>
              <ul className="grid gap-1 text-sm">
                {p.refunds.map((r) => (
                  <li key={r.gatewayRefundId} className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-muted/40 px-3 py-1.5">
                    <code className="text-xs">{r.gatewayRefundId}</code>
                    <span className="tabular-nums">
                      {r.amountLabel} · {REFUND_STATUS_LABELS[r.status]} · <time dateTime={r.createdAt}>{r.createdAtLabel}</time>
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
