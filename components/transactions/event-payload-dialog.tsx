'use client';

import { FileJson } from 'lucide-react';
import { useState } from 'react';
import { CopyButton } from '@/components/copy-button';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Skeleton } from '@/components/ui/skeleton';
import type { TimelineEventDto } from '@/lib/transactions/contract';
import { prettyPayload } from './pretty-payload';
import { OUTCOME_LABELS, SOURCE_LABELS } from '@/components/webhooks/outcome-labels';
import { useOrderEvent } from './use-transactions';

type Props = { appId: string; orderId: string; event: TimelineEventDto };

/** The delivery's raw body and stored headers, fetched when opened; shown as text, never as HTML. */
export function EventPayloadDialog({ appId, orderId, event }: Props) {
  const [open, setOpen] = useState(false);
  const { data, isPending, isError, error } = useOrderEvent(appId, orderId, event.id, open);
  const title = event.eventType ?? 'Delivery';
  const payload = data ? prettyPayload(data.payload) : '';
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`View payload of ${title} at ${event.receivedAtLabel}`}>
          <FileJson aria-hidden />
          Payload
        </Button>
      </DialogTrigger>
      <DialogContent className="grid max-h-[90dvh] grid-rows-[auto_minmax(0,1fr)] sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>
            {SOURCE_LABELS[event.source]} · {OUTCOME_LABELS[event.outcome]} · received {event.receivedAtLabel}
            {event.eventId && (
              <>
                {' '}
                · event <code className="break-all">{event.eventId}</code>
              </>
            )}
          </DialogDescription>
        </DialogHeader>
        <div className="grid min-h-0 gap-4 overflow-y-auto">
          {isPending && <Skeleton className="h-48 w-full" />}
          {isError && <p className="text-sm text-destructive">{error.message}</p>}
          {data && (
            <>
              <section aria-labelledby="payload-heading" className="grid gap-2">
                <div className="flex items-center justify-between gap-2">
                  <h3 id="payload-heading" className="text-sm font-medium">
                    Payload
                  </h3>
                  <CopyButton value={data.payload} label="Copy raw payload" />
                </div>
                <pre
                  data-testid="event-payload"
                  tabIndex={0}
                  aria-labelledby="payload-heading"
                  className="max-h-96 overflow-auto rounded-md border bg-muted/40 p-3 font-mono text-xs whitespace-pre"
                >
                  {payload}
                </pre>
              </section>
              {Object.keys(data.headers).length > 0 && (
                <section aria-labelledby="headers-heading" className="grid gap-2">
                  <h3 id="headers-heading" className="text-sm font-medium">
                    Headers <span className="font-normal text-muted-foreground">(secrets and signatures left out)</span>
                  </h3>
                  <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1 rounded-md border p-3 font-mono text-xs">
                    {Object.entries(data.headers).map(([name, value]) => (
                      <div key={name} className="contents">
                        <dt className="text-muted-foreground">{name}</dt>
                        <dd className="break-all">{value}</dd>
                      </div>
                    ))}
                  </dl>
                </section>
              )}
            </>
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}
