'use client';

import { useState } from 'react';
import { toast } from '@/components/ui/toast';
import { createAppAction } from '@/app/(dashboard)/apps/actions';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import type { Country } from '@/lib/countries';
import { AppForm } from './app-form';

/** Loaded when the Create app button is first used (see ./create-app-dialog.tsx). */
export function CreateAppDialogContent({ countries, trigger }: { countries: Country[]; trigger: React.ReactNode }) {
  const [open, setOpen] = useState(true);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Create app</DialogTitle>
          <DialogDescription>An app is one website or service that takes payments through KS Pay.</DialogDescription>
        </DialogHeader>
        <AppForm
          countries={countries}
          submitLabel="Create app"
          onSubmit={createAppAction}
          onSaved={() => {
            setOpen(false);
            toast.success('App created');
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
