'use client';

import { RefreshCw } from 'lucide-react';
import { useId, useState, useTransition } from 'react';
import { rotateEndpointSecretAction } from '@/app/(dashboard)/apps/[appId]/settings/webhooks/actions';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import type { RotationOverlap } from '@/lib/outbound-webhooks/endpoint-input';
import { OVERLAP_LABELS, OVERLAPS } from './labels';

type Props = { appId: string; endpointId: string; onRotated: (rotated: { secret: string; previousExpiresAt: string; overlap: RotationOverlap }) => void };

/** Rotate: a new secret signs from now, the old one beside it for the chosen overlap. */
export function RotateSecretDialog({ appId, endpointId, onRotated }: Props) {
  const [open, setOpen] = useState(false);
  const [overlap, setOverlap] = useState<RotationOverlap>('24h');
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const selectId = useId();
  const hintId = useId();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await rotateEndpointSecretAction({ appId, endpointId, overlap });
      if (!result.ok) return setError(result.message);
      setOpen(false);
      onRotated({ ...result.data, overlap });
    });
  };
  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), setError(undefined))}>
      <DialogTrigger asChild>
        <Button type="button" variant="outline" size="sm">
          <RefreshCw aria-hidden />
          Rotate
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>Rotate the signing secret</DialogTitle>
            <DialogDescription>
              A new secret signs every request from now on, shown once. During the overlap each request carries both signatures, so your
              server can switch to the new secret without missing an event.
            </DialogDescription>
          </DialogHeader>
          <FormError message={error} />
          <div className="grid gap-2">
            <Label htmlFor={selectId}>Keep signing with the current secret for</Label>
            <Select value={overlap} onValueChange={(value) => setOverlap(value as RotationOverlap)}>
              <SelectTrigger id={selectId} aria-describedby={hintId} className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {OVERLAPS.map((value) => (
                  <SelectItem key={value} value={value}>
                    {OVERLAP_LABELS[value]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <p id={hintId} className="text-xs text-muted-foreground">
              {overlap === 'none'
                ? 'Only the new secret signs, at once: requests your server checks with the current one fail until you deploy the new one.'
                : `Requests carry signatures with both secrets for ${OVERLAP_LABELS[overlap]}, then with the new one only.`}
            </p>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={pending}>
              {pending ? 'Rotating…' : 'Rotate secret'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
