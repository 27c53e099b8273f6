'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { CountrySelect } from '@/components/country-select';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/text-field';
import { Button } from '@/components/ui/button';
import { Field, FieldError, FieldLabel } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/action';
import { applyActionErrors } from '@/lib/actions/apply-result';
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
  const [formError, setFormError] = useState<string>();
  const form = useForm<AppFieldsInput>({
    resolver: zodResolver(appFieldsSchema),
    defaultValues: defaultValues ?? { name: '', email: '', country: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await onSubmit(values);
    const message = applyActionErrors(result, form.setError);
    setFormError(message);
    if (result?.ok) {
      form.reset(values);
      onSaved?.();
    }
  });

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
