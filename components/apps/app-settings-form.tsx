'use client';

import { toast } from '@/components/ui/toast';
import { updateAppAction } from '@/app/(dashboard)/apps/actions';
import type { Country } from '@/lib/countries';
import type { AppFieldsInput } from '@/lib/validations/app';
import { AppForm } from './app-form';

type Props = { appId: string; countries: Country[]; defaultValues: AppFieldsInput };

export function AppSettingsForm({ appId, countries, defaultValues }: Props) {
  return (
    <AppForm
      countries={countries}
      defaultValues={defaultValues}
      submitLabel="Save changes"
      onSubmit={(fields) => updateAppAction({ appId, fields })}
      onSaved={() => {
        toast.success('Changes saved');
      }}
    />
  );
}
