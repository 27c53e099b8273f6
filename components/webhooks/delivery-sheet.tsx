'use client';

import Link from 'next/link';
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from '@/components/ui/sheet';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDateTime } from '@/lib/format';
import { OutcomeBadge } from './outcome-badge';
import { GATEWAY_LABELS, OUTCOME_DESCRIPTIONS, rejectionReasonLabel, SOURCE_LABELS } from './outcome-labels';
import { SignatureCheckPanel } from './signature-check-panel';
import { useWebhookEvent } from './use-webhook-events';

/** The payload as the gateway sent it, indented when it is JSON; always shown as text, never as HTML. */
function prettyPayload(payload: string) {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm break-all">{children}</dd>
    </div>
  );
}

type Props = { appId: string; deliveryId: string | null; onClose: () => void };

export function DeliverySheet({ appId, deliveryId, onClose }: Props) {
  const { data, error, isPending } = useWebhookEvent(appId, deliveryId);
  return (
    <Sheet open={deliveryId !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent className="w-full overflow-y-auto sm:max-w-2xl">
        <SheetHeader>
          <SheetTitle>Webhook delivery</SheetTitle>
          <SheetDescription>
            {data ? `${data.eventType ?? 'Unnamed event'} · ${formatDateTime(new Date(data.receivedAt))}` : 'Loading the delivery…'}
          </SheetDescription>
        </SheetHeader>
        <div className="grid gap-5 px-4 pb-6">
          {error && <p className="text-sm text-destructive">{error.message}</p>}
          {isPending && !error && <Skeleton className="h-40 w-full" />}
          {data && (
            <>
              <div className="flex flex-wrap items-center gap-2">
                <OutcomeBadge outcome={data.outcome} />
                <span className="text-sm text-muted-foreground">
                  {data.outcome === 'rejected' ? rejectionReasonLabel(data.rejectionReason) : OUTCOME_DESCRIPTIONS[data.outcome]}
                </span>
              </div>
              <dl className="grid gap-3 sm:grid-cols-2">
                <Fact label="Gateway">{GATEWAY_LABELS[data.gateway]}</Fact>
                <Fact label="Source">{SOURCE_LABELS[data.source]}</Fact>
                <Fact label="Gateway event ID">
                  <span className="font-mono text-xs">{data.eventId ?? '—'}</span>
                </Fact>
                <Fact label="Order">
                  {data.orderId ? (
                    <Link href={`/apps/${appId}/transactions/${data.orderId}`} className="font-mono text-xs underline underline-offset-4">
                      {data.orderId}
                    </Link>
                  ) : (
                    <span className="font-mono text-xs">{data.gatewayOrderId ?? '—'}</span>
                  )}
                </Fact>
              </dl>
              {data.outcome === 'rejected' && <SignatureCheckPanel gateway={data.gateway} diagnosis={data.rejectionDetail} />}
              <section aria-labelledby="delivery-headers" className="grid gap-2">
                <h3 id="delivery-headers" className="font-semibold">Headers</h3>
                <p className="text-xs text-muted-foreground">Signatures, cookies and anything that may carry a credential are not kept.</p>
                {Object.keys(data.headers).length === 0 ? (
                  <p className="text-sm text-muted-foreground">None kept.</p>
                ) : (
                  <dl className="grid gap-1 rounded-md border p-3 font-mono text-xs">
                    {Object.entries(data.headers).map(([name, value]) => (
                      <div key={name} className="grid grid-cols-[minmax(0,12rem)_1fr] gap-2">
                        <dt className="truncate text-muted-foreground" title={name}>{name}</dt>
                        <dd className="break-all">{value}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </section>
              <section aria-labelledby="delivery-payload" className="grid gap-2">
                <h3 id="delivery-payload" className="font-semibold">Payload</h3>
                <pre tabIndex={0} aria-label="Payload as received" className="max-h-[28rem] overflow-auto rounded-md border bg-muted/40 p-3 font-mono text-xs whitespace-pre">
                  {prettyPayload(data.payload)}
                </pre>
              </section>
            </>
          )}
        </div>
      </SheetContent>
    </Sheet>
  );
}
