import type { z } from 'zod';
import { fail, json, parseBody, type SandboxRequest } from './http';

/** Errors of the sandbox's own control API: `{ error: { code, message } }`. */
export function controlError(status: number, code: string, message: string): never {
  return fail(json(status, { error: { code, message } }));
}

export function parseControl<T extends z.ZodType>(schema: T, req: SandboxRequest): z.infer<T> {
  const body = parseBody(req);
  if (!body.ok) controlError(400, 'invalid_json', 'request body is not valid JSON');
  const parsed = schema.safeParse(body.ok ? body.value : null);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    return controlError(400, 'invalid_request', message);
  }
  return parsed.data;
}
