'use client';

import { useState, useTransition } from 'react';
import { deleteAppAction } from '@/app/(dashboard)/apps/actions';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/text-field';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';

export function DeleteAppCard({ appId, appName }: { appId: string; appName: string }) {
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const [pending, startTransition] = useTransition();

  const remove = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      // On success the action redirects to the app list.
      const result = await deleteAppAction({ appId, confirmation });
      if (result && !result.ok) setError({ field: result.fieldErrors?.confirmation?.[0], form: result.fieldErrors ? undefined : result.message });
    });
  };

  return (
    <Card className="border-destructive/50">
      <CardHeader>
        <CardTitle>
          <h2>Delete app</h2>
        </CardTitle>
        <CardDescription>Deletes the app and everything connected to it. This cannot be undone.</CardDescription>
      </CardHeader>
      <CardContent>
        <Dialog onOpenChange={() => (setConfirmation(''), setError({}))}>
          <DialogTrigger asChild>
            <Button variant="destructive">Delete app</Button>
          </DialogTrigger>
          <DialogContent>
            <form onSubmit={remove} className="grid gap-4" noValidate>
              <DialogHeader>
                <DialogTitle>Delete {appName}?</DialogTitle>
                <DialogDescription>
                  Type <strong className="text-foreground">{appName}</strong> to confirm.
                </DialogDescription>
              </DialogHeader>
              <FormError message={error.form} />
              <TextField
                label="App name"
                autoComplete="off"
                value={confirmation}
                onChange={(e) => setConfirmation(e.target.value)}
                error={error.field}
              />
              <DialogFooter>
                <Button type="submit" variant="destructive" disabled={pending || confirmation.trim() !== appName}>
                  {pending ? 'Deleting…' : 'Delete app'}
                </Button>
              </DialogFooter>
            </form>
          </DialogContent>
        </Dialog>
      </CardContent>
    </Card>
  );
}
