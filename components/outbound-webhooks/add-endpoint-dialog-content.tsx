'use client';

import { useState } from 'react';
import { createEndpointAction } from '@/app/(dashboard)/apps/[appId]/settings/webhooks/actions';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toast';
import { MODE_LABELS } from '@/components/transactions/status-labels';
import type { Mode } from '@/lib/transactions/view';
import { EndpointForm } from './endpoint-form';
import { OneTimeSecret } from './one-time-secret';

type Props = { appId: string; mode: Mode; trigger: React.ReactNode };

/** Loaded when Add endpoint is first used (see ./endpoint-dialogs.tsx); shows the new secret once. */
export function AddEndpointDialogContent({ appId, mode, trigger }: Props) {
  const [open, setOpen] = useState(true);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const changeOpen = (next: boolean) => {
    setOpen(next);
    if (!next) setCreated(null);
  };
  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Add endpoint</DialogTitle>
          <DialogDescription>
            {MODE_LABELS[mode]} mode: your server gets the events of {mode} payments, signed with the endpoint’s own secret.
          </DialogDescription>
        </DialogHeader>
        {created ? (
          <OneTimeSecret title="The endpoint’s signing secret" secret={created.secret} onDismiss={() => changeOpen(false)}>
            <p className="text-sm break-all">
              Requests to <code>{created.url}</code> carry <code>webhook-id</code>, <code>webhook-timestamp</code> and{' '}
              <code>webhook-signature</code> headers made with this secret.
            </p>
          </OneTimeSecret>
        ) : (
          <EndpointForm
            defaultValues={{ url: '', events: [], description: '' }}
            submitLabel="Add endpoint"
            onSubmit={async (fields) => {
              const result = await createEndpointAction({ appId, mode, fields });
              if (result.ok) setCreated({ url: result.data.endpoint.url, secret: result.data.secret });
              return result;
            }}
            onSaved={() => toast.success('Endpoint added')}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}
