'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { type DefaultValues, type FieldValues, type Resolver, useForm } from 'react-hook-form';
import type * as z from 'zod/v4/core';
import type { ActionResult } from '@/lib/actions/action';
import { applyActionErrors } from '@/lib/actions/apply-result';

/**
 * A react-hook-form form bound to a server action: client-side zod validation with the action's own
 * schema, server field errors put on their fields, the form-level message in `formError`.
 */
export function useActionForm<S extends z.$ZodType<FieldValues, FieldValues>, T>(options: {
  schema: S;
  defaultValues: DefaultValues<z.infer<S>>;
  action: (values: z.infer<S>) => Promise<ActionResult<T> | undefined>;
  onSuccess?: (data: T, values: z.infer<S>) => void;
}) {
  const [formError, setFormError] = useState<string>();
  const form = useForm<z.infer<S>>({
    // zodResolver's overloads cannot follow a generic schema; the schema is the same one the action parses.
    resolver: zodResolver(options.schema as never) as unknown as Resolver<z.infer<S>>,
    defaultValues: options.defaultValues,
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await options.action(values);
    setFormError(applyActionErrors(result, form.setError));
    if (result?.ok) options.onSuccess?.(result.data, values);
  });
  return { form, formError, onSubmit };
}
