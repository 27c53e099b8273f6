'use client';

import { Power, PowerOff, Send } from 'lucide-react';
import { useRouter } from 'next/navigation';
import {
  deleteEndpointAction,
  sendTestEventAction,
  setEndpointEnabledAction,
} from '@/app/(dashboard)/apps/[appId]/settings/webhooks/actions';
import { useStepAction } from '@/components/payment-gateway/use-step-action';
import { TypedConfirmDialog } from '@/components/typed-confirm-dialog';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import type { EndpointView } from '@/lib/outbound-webhooks/endpoint-view';

type Props = { appId: string; endpoint: EndpointView; onChanged?: () => void };

/** Enable or Disable: a disabled endpoint gets no attempts; its pending deliveries wait for it. */
export function EnableButton({ appId, endpoint, onChanged }: Props) {
  const { pending, run } = useStepAction();
  const enable = !endpoint.enabled;
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      disabled={pending}
      aria-label={`${enable ? 'Enable' : 'Disable'} ${endpoint.url}`}
      onClick={() =>
        run(
          () => setEndpointEnabledAction({ appId, endpointId: endpoint.id, enabled: enable }),
          () => {
            toast.success(enable ? 'Endpoint enabled' : 'Endpoint disabled');
            onChanged?.();
          },
        )
      }
    >
      {enable ? <Power aria-hidden /> : <PowerOff aria-hidden />}
      {enable ? 'Enable' : 'Disable'}
    </Button>
  );
}

export function SendTestEventButton({ appId, endpoint, onChanged }: Props) {
  const { pending, run } = useStepAction();
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      disabled={pending}
      onClick={() =>
        run(
          () => sendTestEventAction({ appId, endpointId: endpoint.id }),
          ({ eventId }) => {
            toast.success(`Test event ${eventId} queued`);
            onChanged?.();
          },
        )
      }
    >
      <Send aria-hidden />
      Send test event
    </Button>
  );
}

/** Delete, confirmed by typing DELETE; from the endpoint's own page it goes back to the list. */
export function DeleteEndpointDialog({ appId, endpoint, backToList = false }: Props & { backToList?: boolean }) {
  const router = useRouter();
  return (
    <TypedConfirmDialog
      trigger="Delete"
      title="Delete this endpoint?"
      description={
        <>
          <span className="break-all">{endpoint.url}</span> stops receiving events at once and its delivery log is deleted. Type{' '}
          <strong className="text-foreground">DELETE</strong> to confirm.
        </>
      }
      expected="DELETE"
      label="Confirmation"
      onConfirm={(confirmation) => deleteEndpointAction({ appId, endpointId: endpoint.id, confirmation })}
      // The action's revalidation refreshes the list; the endpoint's own page no longer exists.
      onDone={backToList ? () => router.push(`/apps/${appId}/settings/webhooks?mode=${endpoint.mode}`) : undefined}
    />
  );
}
