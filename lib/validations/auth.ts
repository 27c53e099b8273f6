import * as z from '@/lib/zod-mini';

export const emailField = z.pipe(
  z.string().check(z.trim(), z.minLength(1, 'Enter your email'), z.maxLength(254, 'Email is too long')),
  z.email('Enter a valid email address'),
);

export const signUpSchema = z.object({
  email: emailField,
  password: z.string().check(
    z.minLength(10, 'Use at least 10 characters'),
    z.maxLength(128, 'Use at most 128 characters'),
  ),
});

export const signInSchema = z.object({
  email: emailField,
  password: z.string().check(z.minLength(1, 'Enter your password'), z.maxLength(128, 'Invalid email or password')),
  callbackUrl: z.optional(z.string()),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;
