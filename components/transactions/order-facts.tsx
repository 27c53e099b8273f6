import { CopyButton } from '@/components/copy-button';
import type { OrderDetailResponse } from '@/lib/transactions/contract';
import { GATEWAY_LABELS, methodLabel, MODE_LABELS } from './status-labels';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid min-w-0 gap-1">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

function CopyableId({ value, label }: { value: string; label: string }) {
  return (
    <span className="flex min-w-0 items-center gap-1">
      <code className="truncate">{value}</code>
      <CopyButton value={value} label={label} />
    </span>
  );
}

export function OrderFacts({ order }: { order: OrderDetailResponse['order'] }) {
  const notes = Object.entries(order.notes);
  return (
    <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
      <Fact label="Order ID">
        <CopyableId value={order.id} label="Copy order ID" />
      </Fact>
      <Fact label={`${GATEWAY_LABELS[order.gateway]} order ID`}>
        <CopyableId value={order.gatewayOrderId} label="Copy gateway order ID" />
      </Fact>
      <Fact label="Amount">
        <span className="tabular-nums">{order.amountLabel}</span>
        {order.refundedLabel && <span className="text-muted-foreground"> ({order.refundedLabel} refunded)</span>}
      </Fact>
      <Fact label="Mode">{MODE_LABELS[order.mode]}</Fact>
      <Fact label="Gateway">{GATEWAY_LABELS[order.gateway]}</Fact>
      <Fact label="Method">{methodLabel(order.method) ?? '—'}</Fact>
      <Fact label="Receipt">{order.receipt ? <CopyableId value={order.receipt} label="Copy receipt" /> : '—'}</Fact>
      <Fact label="Customer email">{order.customerEmail ?? '—'}</Fact>
      <Fact label="Customer phone">{order.customerPhone ?? '—'}</Fact>
      <Fact label="Created">
        <time dateTime={order.createdAt}>{order.createdAtLabel}</time>
      </Fact>
      <Fact label="Last change">
        <time dateTime={order.updatedAt}>{order.updatedAtLabel}</time>
      </Fact>
      <Fact label="Notes">
        {notes.length === 0 ? (
          '—'
        ) : (
          <ul className="grid gap-0.5">
            {notes.map(([key, value]) => (
              <li key={key} className="break-words">
                <span className="font-mono text-xs text-muted-foreground">{key}</span> {value}
              </li>
            ))}
          </ul>
        )}
      </Fact>
    </dl>
  );
}
