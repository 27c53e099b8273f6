import * as z from '@/lib/zod-mini';
import { emailField } from './auth';

// Client-safe: the country list is checked on the server (isCountryCode) and passed to the form.
export const appFieldsSchema = z.object({
  name: z.string().check(
    z.trim(),
    z.minLength(3, 'Use at least 3 characters'),
    z.maxLength(60, 'Use at most 60 characters'),
  ),
  email: emailField,
  country: z.string().check(z.regex(/^[A-Z]{2}$/, 'Choose a country')),
});

export type AppFieldsInput = z.infer<typeof appFieldsSchema>;
