import type * as z from 'zod';
import { ApiV1Error } from './errors';

/** A path segment checked for shape before any query: a malformed id names nothing → 404. */
export function parseParam<S extends z.ZodType>(schema: S, value: string, param: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiV1Error(404, 'invalid_request_error', 'resource_missing', `No such ${param}: ${JSON.stringify(value.slice(0, 64))}.`, param);
  return parsed.data;
}
