'use client';

import { History } from 'lucide-react';
import { useState, useTransition } from 'react';
import { recoverEndpointAction } from '@/app/(dashboard)/apps/[appId]/settings/webhooks/actions';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/text-field';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toast';

/** `YYYY-MM-DDTHH:mm` in the browser's time zone, as a datetime-local input takes it. */
function localInputValue(date: Date) {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

type Props = { appId: string; endpointId: string; failingSince: string | null; onRecovered: () => void };

/** Recover: every delivery to this endpoint that failed for good, of events since a time, queued again. */
export function RecoverDialog({ appId, endpointId, failingSince, onRecovered }: Props) {
  const [open, setOpen] = useState(false);
  const [since, setSince] = useState('');
  const [errors, setErrors] = useState<{ form?: string; since?: string }>({});
  const [pending, startTransition] = useTransition();
  const changeOpen = (next: boolean) => {
    setOpen(next);
    setErrors({});
    // From when the endpoint started failing, else the last 24 hours.
    if (next) setSince(localInputValue(failingSince ? new Date(failingSince) : new Date(Date.now() - 86_400_000)));
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const at = new Date(since);
    if (!since || Number.isNaN(at.getTime())) return setErrors({ since: 'Choose a date and time' });
    startTransition(async () => {
      const result = await recoverEndpointAction({ appId, endpointId, since: at.toISOString() });
      if (!result.ok) return setErrors(result.fieldErrors?.since ? { since: result.fieldErrors.since[0] } : { form: result.message });
      setOpen(false);
      const { count } = result.data;
      toast.success(count === 0 ? 'No failed events since then' : `${count} failed event${count === 1 ? '' : 's'} queued again`);
      onRecovered();
    });
  };
  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button type="button" variant="outline" size="sm">
          <History aria-hidden />
          Recover failed events
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>Recover failed events</DialogTitle>
            <DialogDescription>
              Every event this endpoint failed to take (all retries used) since the time you choose is delivered again, on a fresh retry
              schedule. Events already delivered are not sent again.
            </DialogDescription>
          </DialogHeader>
          <FormError message={errors.form} />
          <TextField
            label="Failed since (your local time)"
            type="datetime-local"
            value={since}
            max={localInputValue(new Date())}
            onChange={(e) => setSince(e.target.value)}
            error={errors.since}
          />
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={pending}>
              {pending ? 'Recovering…' : 'Recover'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
