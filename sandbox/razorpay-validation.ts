import { fail, isRecord } from './http';
import { rzpError, rzpInvalid } from './razorpay-errors';
import type { SandboxState } from './state';

export interface RzpOrderInput {
  amount: number;
  currency: string;
  receipt: string | null;
  notes: Record<string, string>;
}

const ALLOWED = new Set(['amount', 'currency', 'receipt', 'notes', 'partial_payment', 'first_payment_min_amount', 'payment_capture', 'offer_id']);
const CURRENCIES = new Set(['INR', 'USD', 'EUR', 'GBP', 'SGD', 'AED', 'AUD', 'CAD']);
const MIN_AMOUNT = 100;

function validateNotes(notes: unknown): Record<string, string> {
  if (notes === undefined || notes === null || (Array.isArray(notes) && notes.length === 0)) return {};
  if (!isRecord(notes)) return rzpInvalid('The notes must be an array.', 'notes');
  const entries = Object.entries(notes);
  if (entries.length > 15) rzpInvalid('Number of notes should not be more than 15', 'notes');
  const out: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (typeof value !== 'string' && typeof value !== 'number') rzpInvalid(`The notes.${key} must be a string.`, `notes.${key}`);
    if (String(value).length > 256) rzpInvalid(`The notes.${key} may not be greater than 256 characters.`, `notes.${key}`);
    out[key] = String(value);
  }
  return out;
}

function validateAmount(amount: unknown): number {
  if (amount === undefined || amount === null || amount === '') rzpInvalid('The amount field is required.', 'amount');
  const numeric = typeof amount === 'string' && /^\d+$/.test(amount) ? Number(amount) : amount;
  if (typeof numeric !== 'number' || !Number.isInteger(numeric)) return rzpInvalid('The amount must be an integer.', 'amount');
  return numeric;
}

function validateCurrency(currency: unknown): string {
  if (typeof currency !== 'string' || currency === '') return rzpInvalid('The currency field is required.', 'currency');
  if (!/^[A-Z]{3}$/.test(currency)) rzpInvalid('The currency must be 3 characters.', 'currency');
  if (!CURRENCIES.has(currency)) rzpInvalid('Currency is not supported', 'currency');
  return currency;
}

function validateReceipt(receipt: unknown, state: SandboxState, keyId: string): string | null {
  if (receipt === undefined || receipt === null) return null;
  if (typeof receipt !== 'string') return rzpInvalid('The receipt must be a string.', 'receipt');
  if (receipt.length > 40) rzpInvalid('The receipt may not be greater than 40 characters.', 'receipt');
  const taken = [...state.rzpOrders.values()].some((o) => o.keyId === keyId && o.receipt === receipt);
  if (taken) rzpInvalid('Order receipt should be unique.', 'receipt');
  return receipt;
}

/** The documented create-order rules; the first broken one is reported, as Razorpay does. */
export function validateRzpOrder(body: unknown, state: SandboxState, keyId: string): RzpOrderInput {
  if (!isRecord(body)) fail(rzpError(400, 'The request body must be a JSON object.'));
  const extra = Object.keys(body).find((k) => !ALLOWED.has(k));
  if (extra) rzpInvalid(`${extra} is/are not required and should not be sent`, extra);
  const amount = validateAmount(body.amount);
  const currency = validateCurrency(body.currency);
  if (amount < MIN_AMOUNT) rzpInvalid('Order amount less than minimum amount allowed', 'amount', 'amount_less_than_minimum_amount');
  const receipt = validateReceipt(body.receipt, state, keyId);
  return { amount, currency, receipt, notes: validateNotes(body.notes) };
}
