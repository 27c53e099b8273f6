import { GATEWAYS } from '@/lib/gateways/descriptors';
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

export const credentialsSchema = z.discriminatedUnion('gateway', [
  z.object({
    gateway: z.literal('razorpay'),
    keyId: z.string().check(
      z.trim(),
      z.regex(GATEWAYS.razorpay.keyIdPattern, GATEWAYS.razorpay.keyIdMessage),
    ),
    keySecret: secret,
    paymentModes,
  }),
  z.object({
    gateway: z.literal('cashfree'),
    keyId: z.string().check(
      z.trim(),
      z.regex(GATEWAYS.cashfree.keyIdPattern, GATEWAYS.cashfree.keyIdMessage),
    ),
    keySecret: secret,
    environment: z.enum(['sandbox', 'production'], { message: 'Choose Sandbox or Production' }),
    paymentModes,
  }),
]);

export type CredentialsInput = z.input<typeof credentialsSchema>;
export type Credentials = z.output<typeof credentialsSchema>;
