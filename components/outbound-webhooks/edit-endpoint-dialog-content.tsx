'use client';

import { useState } from 'react';
import { editEndpointAction } from '@/app/(dashboard)/apps/[appId]/settings/webhooks/actions';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toast';
import type { EndpointView } from '@/lib/outbound-webhooks/endpoint-view';
import { endpointFields, EndpointForm } from './endpoint-form';

type Props = { appId: string; endpoint: EndpointView; trigger: React.ReactNode; onSaved?: () => void };

/** Loaded when Edit is first used (see ./endpoint-dialogs.tsx). */
export function EditEndpointDialogContent({ appId, endpoint, trigger, onSaved }: Props) {
  const [open, setOpen] = useState(true);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Edit endpoint</DialogTitle>
          <DialogDescription>Changes apply to the next attempt of every delivery, including retries already scheduled.</DialogDescription>
        </DialogHeader>
        <EndpointForm
          defaultValues={endpointFields(endpoint)}
          submitLabel="Save changes"
          onSubmit={(fields) => editEndpointAction({ appId, endpointId: endpoint.id, fields })}
          onSaved={() => {
            setOpen(false);
            toast.success('Endpoint saved');
            onSaved?.();
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
