import { cfError, cfInvalid, cfMissing } from './cashfree-errors';
import { fail, isRecord } from './http';

export interface CfOrderInput {
  order_id: string | null;
  amount: number;
  currency: string;
  customer: { customer_id: string; customer_phone: string; customer_email: string | null; customer_name: string | null };
  notify_url: string | null;
  return_url: string | null;
  tags: Record<string, string> | null;
  note: string | null;
  expiry_time: string | null;
}

const CURRENCIES = new Set(['INR', 'USD', 'EUR', 'GBP', 'SGD', 'AED']);
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function amountOf(value: unknown): number {
  if (value === undefined || value === null) cfMissing('order_amount');
  if (typeof value !== 'number' || !Number.isFinite(value)) return cfInvalid('order_amount', `should be a number. Value received: ${String(value)}`);
  if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6) cfInvalid('order_amount', `can have at most 2 decimal places. Value received: ${value}`);
  if (value < 1) cfInvalid('order_amount', `must be greater than or equal to 1.00. Value received: ${value}`);
  return Math.round(value * 100);
}

function optionalString(field: string, value: unknown, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > max) return cfInvalid(field, `should be a string of at most ${max} characters`);
  return value;
}

// Cashfree wants https; the sandbox also takes plain http on loopback so a local dashboard can receive webhooks.
function urlOf(field: string, value: unknown): string | null {
  const text = optionalString(field, value, 250);
  if (text === null) return null;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  const ok = url && (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)));
  return ok ? text : cfInvalid(field, 'should be a valid https URL of at most 250 characters');
}

function customerOf(value: unknown): CfOrderInput['customer'] {
  if (value === undefined || value === null) cfMissing('customer_details');
  if (!isRecord(value)) return cfInvalid('customer_details', 'should be an object');
  const { customer_id: id, customer_phone: phone } = value;
  if (id === undefined || id === null || id === '') cfMissing('customer_details.customer_id');
  if (typeof id !== 'string' || !/^[A-Za-z0-9]{1,50}$/.test(id)) {
    cfInvalid('customer_details.customer_id', `should be alphanumeric. Value received: ${String(id)}`);
  }
  if (phone === undefined || phone === null || phone === '') cfMissing('customer_details.customer_phone');
  if (typeof phone !== 'string' || !/^\+?\d{10,15}$/.test(phone)) {
    cfInvalid('customer_details.customer_phone', `should be a valid phone number. Value received: ${String(phone)}`);
  }
  const email = optionalString('customer_details.customer_email', value.customer_email, 100);
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) cfInvalid('customer_details.customer_email', 'should be a valid email');
  const name = optionalString('customer_details.customer_name', value.customer_name, 100);
  return { customer_id: id as string, customer_phone: phone as string, customer_email: email, customer_name: name };
}

function tagsOf(value: unknown): Record<string, string> | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) return cfInvalid('order_tags', 'should be an object of strings');
  const entries = Object.entries(value);
  if (entries.length > 10) cfInvalid('order_tags', 'can have at most 10 entries');
  if (entries.some(([, v]) => typeof v !== 'string' || v.length > 255)) cfInvalid('order_tags', 'values should be strings of at most 255 characters');
  return value as Record<string, string>;
}

export function validateCfOrder(body: unknown): CfOrderInput {
  if (!isRecord(body)) fail(cfError(400, 'request body should be a JSON object', 'request_invalid'));
  const orderId = optionalString('order_id', body.order_id, 45);
  if (orderId !== null && !/^[A-Za-z0-9_-]+$/.test(orderId)) {
    cfInvalid('order_id', `should contain only letters, digits, _ and -. Value received: ${orderId}`);
  }
  const amount = amountOf(body.order_amount);
  if (body.order_currency === undefined || body.order_currency === null) cfMissing('order_currency');
  if (typeof body.order_currency !== 'string' || !CURRENCIES.has(body.order_currency)) {
    cfInvalid('order_currency', `is not supported. Value received: ${String(body.order_currency)}`);
  }
  const customer = customerOf(body.customer_details);
  const meta = isRecord(body.order_meta) ? body.order_meta : {};
  const expiry = optionalString('order_expiry_time', body.order_expiry_time, 40);
  if (expiry !== null && Number.isNaN(Date.parse(expiry))) cfInvalid('order_expiry_time', 'should be an ISO 8601 date-time');
  return {
    order_id: orderId,
    amount,
    currency: body.order_currency as string,
    customer,
    notify_url: urlOf('order_meta.notify_url', meta.notify_url),
    return_url: urlOf('order_meta.return_url', meta.return_url),
    tags: tagsOf(body.order_tags),
    note: optionalString('order_note', body.order_note, 200),
    expiry_time: expiry,
  };
}
