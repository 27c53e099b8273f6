import type * as z from 'zod/v4/core';

/** zod issues as `{ "field.path": ["message", …] }`; issues without a path go under `_form`. */
export function fieldErrorsOf(error: z.$ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
