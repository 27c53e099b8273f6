'use client';

import { Plus } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { createAppAction } from '@/app/(dashboard)/apps/actions';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import type { Country } from '@/lib/countries';
import { AppForm } from './app-form';

export function CreateAppDialog({ countries }: { countries: Country[] }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          Create app
        </Button>
      </DialogTrigger>
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
