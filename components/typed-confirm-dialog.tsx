'use client';

import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-error';
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
import type { ActionResult } from '@/lib/actions/action';

type Props = {
  trigger: string;
  title: string;
  description: React.ReactNode;
  /** What the user must type; the confirm button stays disabled until it matches. */
  expected: string;
  label: string;
  onConfirm(confirmation: string): Promise<ActionResult<unknown> | undefined>;
  onDone?(): void;
};

/** A destructive action confirmed by typing a word, for things that cannot be undone. */
export function TypedConfirmDialog({ trigger, title, description, expected, label, onConfirm, onDone }: Props) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await onConfirm(value);
      if (result && !result.ok) setError(result.message);
      else {
        setOpen(false);
        onDone?.();
      }
    });
  };

  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setValue(''), setError(undefined))}>
      <DialogTrigger asChild>
        <Button variant="destructive">{trigger}</Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          <FormError message={error} />
          <TextField label={label} autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
          <DialogFooter>
            <Button type="submit" variant="destructive" disabled={pending || value.trim() !== expected}>
              {pending ? 'Working…' : trigger}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
