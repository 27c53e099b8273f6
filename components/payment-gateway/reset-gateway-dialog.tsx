'use client';

import { useState } from 'react';
import { resetGatewayAction } from '@/app/(dashboard)/apps/[appId]/settings/payment-gateway/actions';
import { TextField } from '@/components/text-field';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { useStepAction } from './use-step-action';

export function ResetGatewayDialog({ appId }: { appId: string }) {
  const [open, setOpen] = useState(false);
  const [confirmation, setConfirmation] = useState('');
  const { pending, run } = useStepAction();
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setConfirmation(''))}>
      <DialogTrigger asChild>
        <Button variant="destructive">Reset gateway</Button>
      </DialogTrigger>
      <DialogContent>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => resetGatewayAction({ appId, confirmation }), () => setOpen(false));
          }}
        >
          <DialogHeader>
            <DialogTitle>Reset the payment gateway?</DialogTitle>
            <DialogDescription>
              This discards the saved credentials, the webhook URL and secret, and the test-order attempts, so you can
              start over with one attempt plus one retry. Your activity log is kept. Type RESET to confirm.
            </DialogDescription>
          </DialogHeader>
          <TextField label="Confirmation" autoComplete="off" value={confirmation} onChange={(e) => setConfirmation(e.target.value)} />
          <DialogFooter>
            <Button type="submit" variant="destructive" disabled={pending || confirmation.trim() !== 'RESET'}>
              {pending ? 'Resetting…' : 'Reset gateway'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
