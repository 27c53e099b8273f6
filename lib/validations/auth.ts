import { z } from 'zod';

export const emailField = z
  .string()
  .trim()
  .min(1, 'Enter your email')
  .max(254, 'Email is too long')
  .pipe(z.email('Enter a valid email address'));

export const signUpSchema = z.object({
  email: emailField,
  password: z
    .string()
    .min(10, 'Use at least 10 characters')
    .max(128, 'Use at most 128 characters'),
});

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, 'Enter your password').max(128, 'Invalid email or password'),
  callbackUrl: z.string().optional(),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;
