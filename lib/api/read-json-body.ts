import * as z from 'zod/v4/core';
import { fieldErrorsOf } from '@/lib/actions/field-errors';
import { AppError } from '@/lib/errors';
import { readLimitedText } from './read-limited-text';
import { controlCharacterErrors } from '@/lib/validations/control-characters';

const MAX_BODY_BYTES = 16 * 1024;

/** The request's JSON body checked against `schema`; bad input is a 400 with the reason, never a 500. */
export async function readJsonBody<S extends z.$ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const text = await readLimitedText(request, MAX_BODY_BYTES);
  let json: unknown = {};
  if (text.trim()) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError('bad_request', 'The request body must be JSON.');
    }
  }
  const controlErrors = controlCharacterErrors(json);
  if (controlErrors) {
    throw new AppError('bad_request', `${Object.keys(controlErrors)[0]}: ${Object.values(controlErrors)[0]![0]}`, controlErrors);
  }
  const parsed = z.safeParse(schema, json);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const [first] = parsed.error.issues;
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    throw new AppError('bad_request', `${where}${first?.message ?? 'Invalid request body.'}`, fieldErrors);
  }
  return parsed.data;
}
