'use client';

import { signUpAction } from '@/app/(auth)/actions';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/text-field';
import { Button } from '@/components/ui/button';
import { useActionForm } from '@/components/use-action-form';
import { signUpSchema } from '@/lib/validations/auth';

export function SignUpForm() {
  const { form, formError, onSubmit } = useActionForm({
    schema: signUpSchema,
    defaultValues: { email: '', password: '' },
    action: signUpAction,
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={formError} />
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register('email')} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        description="At least 10 characters."
        error={errors.password?.message}
        {...form.register('password')}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Creating account…' : 'Create account'}
      </Button>
    </form>
  );
}
