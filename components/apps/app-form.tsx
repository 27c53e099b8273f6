'use client';

import { Controller } from 'react-hook-form';
import { CountrySelect } from '@/components/country-select';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/text-field';
import { Button } from '@/components/ui/button';
import { Field, FieldError, FieldLabel } from '@/components/ui/field';
import { useActionForm } from '@/components/use-action-form';
import type { ActionResult } from '@/lib/actions/action';
import type { Country } from '@/lib/countries';
import { type AppFieldsInput, appFieldsSchema } from '@/lib/validations/app';

type Props = {
  countries: Country[];
  defaultValues?: AppFieldsInput;
  submitLabel: string;
  onSubmit(values: AppFieldsInput): Promise<ActionResult<unknown> | undefined>;
  onSaved?(): void;
};

export function AppForm({ countries, defaultValues, submitLabel, onSubmit, onSaved }: Props) {
  const { form, formError, onSubmit: submit } = useActionForm({
    schema: appFieldsSchema,
    defaultValues: defaultValues ?? { name: '', email: '', country: '' },
    action: onSubmit,
    onSuccess: (_data, values) => {
      form.reset(values);
      onSaved?.();
    },
  });
  const { errors, isSubmitting } = form.formState;

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <FormError message={formError} />
      <TextField label="App name" autoComplete="off" error={errors.name?.message} {...form.register('name')} />
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register('email')} />
      <Controller
        control={form.control}
        name="country"
        render={({ field, fieldState }) => (
          <Field data-invalid={!!fieldState.error || undefined}>
            <FieldLabel htmlFor="app-country">Country</FieldLabel>
            <CountrySelect
              id="app-country"
              options={countries}
              value={field.value}
              onChange={field.onChange}
              invalid={!!fieldState.error}
              describedBy={fieldState.error ? 'app-country-error' : undefined}
              placeholder="Select a country"
            />
            {fieldState.error && <FieldError id="app-country-error">{fieldState.error.message}</FieldError>}
          </Field>
        )}
      />
      <div className="flex justify-end">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : submitLabel}
        </Button>
      </div>
    </form>
  );
}
