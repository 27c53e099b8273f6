'use client';

import { type FormEvent, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/action';

/**
 * A form whose one validation is its server action's zod schema: the public auth pages skip
 * react-hook-form and zod in the browser (about 35 kB gzip of first-load JS) and show the action's
 * field errors next to their fields instead. Inputs are uncontrolled, so what was typed stays.
 */
export function useServerValidatedForm<F extends string>(
  action: (data: FormData) => Promise<ActionResult<unknown> | undefined>,
) {
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<F, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [isSubmitting, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await action(data);
      // An action that redirected resolves to nothing.
      if (!result || result.ok) return;
      const errors = Object.fromEntries(
        Object.entries(result.fieldErrors ?? {}).map(([field, messages]) => [field.split('.').pop(), messages[0]]),
      ) as Partial<Record<F, string>>;
      setFieldErrors(errors);
      const first = Object.keys(errors)[0];
      setFormError(first ? undefined : result.message);
      if (first) (form.elements.namedItem(first) as HTMLElement | null)?.focus();
    });
  }

  return { fieldErrors, formError, isSubmitting, onSubmit };
}

/** A text field's value from the form data ('' when absent). */
export function textOf(data: FormData, name: string) {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
