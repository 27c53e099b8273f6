'use client';

import { Plus } from 'lucide-react';
import { Slot } from 'radix-ui';
import { Button } from '@/components/ui/button';
import { useOpenOnDemand } from '@/components/ui/open-on-demand';
import type { Country } from '@/lib/countries';

// The dialog brings the form, its zod schema and the country combobox: none of it is needed to show /apps.
const loadDialog = () => import('./create-app-dialog-content').then((m) => m.CreateAppDialogContent);

export function CreateAppDialog({ countries }: { countries: Country[] }) {
  const [Dialog, triggerProps] = useOpenOnDemand(loadDialog, 'dialog');
  const trigger = (
    <Button>
      <Plus aria-hidden />
      Create app
    </Button>
  );
  return Dialog ? <Dialog countries={countries} trigger={trigger} /> : <Slot.Root {...triggerProps}>{trigger}</Slot.Root>;
}
