'use client';

import { signInAction } from '@/app/(auth)/actions';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/text-field';
import { Button } from '@/components/ui/button';
import { useActionForm } from '@/components/use-action-form';
import { signInSchema } from '@/lib/validations/auth';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  // On success the action redirects; it only returns on failure.
  const { form, formError, onSubmit } = useActionForm({
    schema: signInSchema,
    defaultValues: { email: '', password: '', callbackUrl },
    action: signInAction,
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={formError} />
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register('email')} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register('password')}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
