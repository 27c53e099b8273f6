'use client';

import { signInAction } from '@/app/(auth)/actions';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/text-field';
import { Button } from '@/components/ui/button';
import { textOf, useServerValidatedForm } from './use-server-validated-form';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  // On success the action redirects; it only returns on failure. It validates with `signInSchema`.
  const { fieldErrors, formError, isSubmitting, onSubmit } = useServerValidatedForm<'email' | 'password'>((data) =>
    signInAction({ email: textOf(data, 'email'), password: textOf(data, 'password'), callbackUrl }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={formError} />
      <TextField label="Email" name="email" type="email" autoComplete="email" error={fieldErrors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        error={fieldErrors.password}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
