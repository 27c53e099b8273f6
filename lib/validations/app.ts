import { z } from 'zod';
import { emailField } from './auth';

// Client-safe: the country list is checked on the server (isCountryCode) and passed to the form.
export const appFieldsSchema = z.object({
  name: z.string().trim().min(3, 'Use at least 3 characters').max(60, 'Use at most 60 characters'),
  email: emailField,
  country: z.string().regex(/^[A-Z]{2}$/, 'Choose a country'),
});

export type AppFieldsInput = z.infer<typeof appFieldsSchema>;

