'use client';

import { Pencil, Plus } from 'lucide-react';
import { Slot } from 'radix-ui';
import { Button } from '@/components/ui/button';
import { useOpenOnDemand } from '@/components/ui/open-on-demand';
import type { EndpointView } from '@/lib/outbound-webhooks/endpoint-view';
import type { Mode } from '@/lib/transactions/view';

// The dialogs bring the form and its zod schema: none of it is needed to show the pages.
const loadAdd = () => import('./add-endpoint-dialog-content').then((m) => m.AddEndpointDialogContent);
const loadEdit = () => import('./edit-endpoint-dialog-content').then((m) => m.EditEndpointDialogContent);

export function AddEndpointDialog({ appId, mode }: { appId: string; mode: Mode }) {
  const [Dialog, triggerProps] = useOpenOnDemand(loadAdd, 'dialog');
  const trigger = (
    <Button>
      <Plus aria-hidden />
      Add endpoint
    </Button>
  );
  return Dialog ? <Dialog appId={appId} mode={mode} trigger={trigger} /> : <Slot.Root {...triggerProps}>{trigger}</Slot.Root>;
}

type EditProps = { appId: string; endpoint: EndpointView; onSaved?: () => void };

export function EditEndpointDialog({ appId, endpoint, onSaved }: EditProps) {
  const [Dialog, triggerProps] = useOpenOnDemand(loadEdit, 'dialog');
  const trigger = (
    <Button type="button" variant="outline" size="sm" aria-label={`Edit ${endpoint.url}`}>
      <Pencil aria-hidden />
      Edit
    </Button>
  );
  return Dialog ? <Dialog appId={appId} endpoint={endpoint} trigger={trigger} onSaved={onSaved} /> : <Slot.Root {...triggerProps}>{trigger}</Slot.Root>;
}
