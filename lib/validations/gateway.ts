import * as z from '@/lib/zod-mini';

export const PAYMENT_MODES = [
  { value: 'debit_card', label: 'Debit Card' },
  { value: 'upi', label: 'UPI' },
  { value: 'net_banking', label: 'Net Banking' },
  { value: 'wallet', label: 'Wallet' },
  { value: 'credit_card', label: 'Credit Card' },
] as const;

export type PaymentMode = (typeof PAYMENT_MODES)[number]['value'];

const paymentModes = z.pipe(
  z
    .array(z.enum(PAYMENT_MODES.map((m) => m.value) as [PaymentMode, ...PaymentMode[]]))
    .check(z.minLength(1, 'Choose at least one payment mode')),
  z.transform((modes) => [...new Set(modes)]),
);

/** Empty means "keep the saved secret" (allowed only when nothing else about the key changed). */
const secret = z.string().check(
  z.trim(),
  z.maxLength(256, 'That is longer than any gateway secret'),
  z.refine((s) => !/\s/.test(s), 'A secret has no spaces or line breaks'),
);

export const RAZORPAY_KEY_ID = /^rzp_(test|live)_[A-Za-z0-9]{8,32}$/;

export const credentialsSchema = z.discriminatedUnion('gateway', [
  z.object({
    gateway: z.literal('razorpay'),
    keyId: z.string().check(
      z.trim(),
      z.regex(RAZORPAY_KEY_ID, 'A Razorpay Key ID starts with rzp_test_ or rzp_live_ followed by letters and digits'),
    ),
    keySecret: secret,
    paymentModes,
  }),
  z.object({
    gateway: z.literal('cashfree'),
    keyId: z.string().check(
      z.trim(),
      z.regex(/^[A-Za-z0-9_-]{6,128}$/, 'A Cashfree Client ID has only letters, digits, - and _'),
    ),
    keySecret: secret,
    environment: z.enum(['sandbox', 'production'], { message: 'Choose Sandbox or Production' }),
    paymentModes,
  }),
]);

export type CredentialsInput = z.input<typeof credentialsSchema>;
export type Credentials = z.output<typeof credentialsSchema>;

/** test or live, from what the merchant entered. */
export function modeOf(input: Credentials): 'test' | 'live' {
  if (input.gateway === 'razorpay') return input.keyId.startsWith('rzp_live_') ? 'live' : 'test';
  return input.environment === 'production' ? 'live' : 'test';
}
