'use client';

import { RefreshCcw } from 'lucide-react';
import { useTransition } from 'react';
import { syncOrderAction } from '@/app/(dashboard)/apps/[appId]/transactions/[orderId]/actions';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import type { SyncOrderResult } from '@/lib/transactions/contract';
import type { GatewayName } from '@/lib/transactions/view';
import { GATEWAY_LABELS, ORDER_STATUS_LABELS } from './status-labels';
import { useRefreshOrder } from './use-transactions';

function describeSync(gateway: string, result: SyncOrderResult) {
  const updates = `${result.applied} ${result.applied === 1 ? 'update' : 'updates'} applied`;
  if (result.before !== result.after) {
    return `Synced with ${gateway}: ${ORDER_STATUS_LABELS[result.before]} → ${ORDER_STATUS_LABELS[result.after]} (${updates}).`;
  }
  if (result.applied > 0) return `Synced with ${gateway}: ${updates}; the order is still ${ORDER_STATUS_LABELS[result.after]}.`;
  return `Already up to date: ${gateway} reports nothing newer. The order is ${ORDER_STATUS_LABELS[result.after]}.`;
}

export function SyncOrderButton({ appId, orderId, gateway }: { appId: string; orderId: string; gateway: GatewayName }) {
  const [pending, startTransition] = useTransition();
  const refresh = useRefreshOrder(appId, orderId);
  const sync = () =>
    startTransition(async () => {
      const result = await syncOrderAction({ appId, orderId });
      if (!result.ok) toast.error(result.message);
      else toast.success(describeSync(GATEWAY_LABELS[gateway], result.data));
      await refresh();
    });
  return (
    <Button onClick={sync} disabled={pending} aria-busy={pending}>
      <RefreshCcw aria-hidden className={pending ? 'animate-spin motion-reduce:animate-none' : undefined} />
      {pending ? 'Syncing…' : 'Sync with gateway'}
    </Button>
  );
}
