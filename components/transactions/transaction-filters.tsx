'use client';

import { ListFilter, Search } from 'lucide-react';
import Link from 'next/link';
import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { cn } from '@/lib/utils';
import {
  GATEWAY_NAMES,
  hasFilters,
  MAX_QUERY_LENGTH,
  ORDER_STATUSES,
  PAYMENT_METHODS,
  type TransactionView,
} from '@/lib/transactions/view';
import { GATEWAY_LABELS, METHOD_LABELS, ORDER_STATUS_LABELS } from './status-labels';

type Props = {
  view: TransactionView;
  /** Shows a new view (a new URL: shareable, and Back returns to this one). */
  onChange: (view: TransactionView) => void;
  clearHref: string;
};

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/**
 * The filter bar. Choosing a status, gateway or method applies at once; the search and the dates
 * apply with Enter or Apply. Any change starts again from the first page.
 */
export function TransactionFilters({ view, onChange, clearHref }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const fieldsId = useId();
  const active = [view.status, view.gateway, view.method, view.from, view.to].filter(Boolean).length;
  // On a phone the filters fold away behind a button (the search stays), open when any is set.
  const [open, setOpen] = useState(active > 0);
  const apply = () => {
    const data = new FormData(form.current!);
    onChange({
      mode: view.mode,
      q: field(data, 'q'),
      status: field(data, 'status') as TransactionView['status'],
      gateway: field(data, 'gateway') as TransactionView['gateway'],
      method: field(data, 'method') as TransactionView['method'],
      from: field(data, 'from'),
      to: field(data, 'to'),
    });
  };
  return (
    <form
      ref={form}
      role="search"
      aria-label="Filter transactions"
      className="grid gap-3 rounded-lg border bg-card p-3 sm:grid-cols-2 lg:grid-cols-4"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <div className="grid gap-1.5 sm:col-span-2">
        <Label htmlFor="tx-q">Search</Label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input
            id="tx-q"
            name="q"
            type="search"
            defaultValue={view.q}
            maxLength={MAX_QUERY_LENGTH}
            placeholder="Order or payment ID, receipt, email"
            aria-describedby="tx-q-hint"
            className="pl-8"
          />
        </div>
        <p id="tx-q-hint" className="sr-only">
          Exact match on our order ID, the gateway’s order or payment ID, the receipt, or the customer’s email.
        </p>
      </div>
      <div id={fieldsId} className={cn('col-span-full grid gap-3 sm:grid-cols-2 md:contents', !open && 'max-md:hidden')}>
        <div className="grid gap-1.5">
          <Label htmlFor="tx-status">Status</Label>
          <NativeSelect id="tx-status" name="status" defaultValue={view.status ?? ''} onChange={apply}>
            <option value="">All statuses</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ORDER_STATUS_LABELS[s]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="tx-gateway">Gateway</Label>
          <NativeSelect id="tx-gateway" name="gateway" defaultValue={view.gateway ?? ''} onChange={apply}>
            <option value="">All gateways</option>
            {GATEWAY_NAMES.map((g) => (
              <option key={g} value={g}>
                {GATEWAY_LABELS[g]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="tx-method">Method</Label>
          <NativeSelect id="tx-method" name="method" defaultValue={view.method ?? ''} onChange={apply}>
            <option value="">All methods</option>
            {PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {METHOD_LABELS[m]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="tx-from">From (IST)</Label>
          <Input id="tx-from" name="from" type="date" min="2000-01-01" max="2100-12-31" defaultValue={view.from} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="tx-to">To (IST)</Label>
          <Input id="tx-to" name="to" type="date" min="2000-01-01" max="2100-12-31" defaultValue={view.to} />
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <Button
          type="button"
          variant="outline"
          className="md:hidden"
          aria-expanded={open}
          aria-controls={fieldsId}
          onClick={() => setOpen(!open)}
        >
          <ListFilter aria-hidden />
          {active > 0 ? `Filters (${active})` : 'Filters'}
        </Button>
        <Button type="submit">Apply</Button>
        {hasFilters(view) && (
          <Button variant="ghost" asChild>
            <Link href={clearHref}>Clear filters</Link>
          </Button>
        )}
      </div>
    </form>
  );
}
