'use client';

import { signUpAction } from '@/app/(auth)/actions';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/text-field';
import { Button } from '@/components/ui/button';
import { textOf, useServerValidatedForm } from './use-server-validated-form';

export function SignUpForm() {
  // On success the action redirects; it only returns on failure. It validates with `signUpSchema`.
  const { fieldErrors, formError, isSubmitting, onSubmit } = useServerValidatedForm<'email' | 'password'>((data) =>
    signUpAction({ email: textOf(data, 'email'), password: textOf(data, 'password') }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={formError} />
      <TextField label="Email" name="email" type="email" autoComplete="email" error={fieldErrors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        description="At least 10 characters."
        error={fieldErrors.password}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Creating account…' : 'Create account'}
      </Button>
    </form>
  );
}
