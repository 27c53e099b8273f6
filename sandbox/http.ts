import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

export interface SandboxRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

export interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export function json(status: number, value: unknown, headers?: Record<string, string>): Reply {
  return { status, body: JSON.stringify(value), headers: { 'content-type': 'application/json; charset=utf-8', ...headers } };
}

export function rawJson(status: number, body: string): Reply {
  return { status, body, headers: { 'content-type': 'application/json; charset=utf-8' } };
}

export function header(req: SandboxRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export type JsonBody = { ok: true; value: unknown } | { ok: false };

export function parseBody(req: SandboxRequest): JsonBody {
  if (req.rawBody.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(req.rawBody) };
  } catch {
    return { ok: false };
  }
}

export class BodyTooLarge extends Error {}

export async function readBody(req: IncomingMessage, limitBytes = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) throw new BodyTooLarge();
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Thrown by handlers and validators to answer with a ready reply (usually an error body). */
export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(`reply ${reply.status}`);
  }
}

export function fail(reply: Reply): never {
  throw new ReplyError(reply);
}
