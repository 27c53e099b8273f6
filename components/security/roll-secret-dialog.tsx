'use client';

import { useId, useState } from 'react';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { OVERLAP_LABELS, OVERLAPS, type Overlap } from '@/lib/api-keys/contract';

type Props = {
  pending: boolean;
  error?: string;
  /** Resolves once the new key is issued; rejects (and keeps the dialog open) on failure. */
  onRoll: (overlap: Overlap) => Promise<unknown>;
  onOpenChange: (open: boolean) => void;
};

export function RollSecretDialog({ pending, error, onRoll, onOpenChange }: Props) {
  const [open, setOpen] = useState(false);
  const [overlap, setOverlap] = useState<Overlap>('24h');
  const selectId = useId();
  const hintId = useId();

  const changeOpen = (next: boolean) => {
    setOpen(next);
    onOpenChange(next);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await onRoll(overlap);
      changeOpen(false);
    } catch {
      // The error is shown in the dialog.
    }
  };

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button type="button" variant="outline">
          Roll secret key
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>Roll secret key</DialogTitle>
            <DialogDescription>
              We issue a new secret key and show it once. The current one keeps working for the time you choose, so you
              can deploy the new key first.
            </DialogDescription>
          </DialogHeader>
          <FormError message={error} />
          <div className="grid gap-2">
            <Label htmlFor={selectId}>Keep the current secret key working for</Label>
            <Select value={overlap} onValueChange={(value) => setOverlap(value as Overlap)}>
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
              {overlap === 'now'
                ? 'Requests with the current key are refused as soon as the new one is issued.'
                : `Requests with the current key are accepted for ${OVERLAP_LABELS[overlap]}, then refused.`}
            </p>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={pending}>
              {pending ? 'Rolling…' : 'Roll secret key'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
