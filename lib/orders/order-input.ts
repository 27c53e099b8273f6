import { z } from 'zod';
import { fieldErrorsOf } from '@/lib/actions/field-errors';
import { controlCharacterErrors } from '@/lib/validations/control-characters';

/** What a merchant's order holds before any gateway sees it; the limits are what our columns keep. */
export const orderInputSchema = z.strictObject({
  amount: z
    .number({ error: 'Give the amount as a whole number of the smallest unit (paise for INR)' })
    .int('Give the amount as a whole number of the smallest unit (paise for INR)')
    .min(1, 'The amount must be at least 1'),
  currency: z.string({ error: 'Give a currency' }).regex(/^[A-Z]{3}$/, 'A currency is a 3-letter ISO 4217 code in capitals, e.g. INR'),
  receipt: z.string().min(1, 'A receipt cannot be empty').max(40, 'A receipt has at most 40 characters').optional(),
  notes: z
    .record(z.string().max(64, 'A note key has at most 64 characters'), z.string().max(256, 'A note has at most 256 characters'))
    .refine((notes) => Object.keys(notes).length <= 15, 'At most 15 notes')
    .optional(),
  customer: z
    .strictObject({
      email: z.email('Enter a valid email address').max(254, 'An email address has at most 254 characters').optional(),
      phone: z.string().regex(/^\+?\d{10,15}$/, 'A phone number has 10 to 15 digits, optionally after a +').optional(),
      name: z.string().min(1, 'A name cannot be empty').max(100, 'A name has at most 100 characters').optional(),
    })
    .optional(),
  /** Where the hosted checkout returns the customer: on one of the app's allowed domains (checked by createOrder). */
  redirect_url: z
    .url({ protocol: /^https?$/, error: 'Give an http(s) URL on one of your allowed domains' })
    .max(2048, 'A redirect URL has at most 2048 characters')
    .optional(),
});

export type OrderInput = z.infer<typeof orderInputSchema>;

/** The input checked, or its field errors (control characters first: no field takes them). */
export function parseOrderInput(input: unknown): { ok: true; data: OrderInput } | { ok: false; fieldErrors: Record<string, string[]> } {
  const control = controlCharacterErrors(input);
  if (control) return { ok: false, fieldErrors: control };
  const parsed = orderInputSchema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
}
