import { afterAll, beforeAll } from 'vitest';
import { createSandbox, type Sandbox } from './server';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  received: ReceivedRequest[];
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** A webhook endpoint for tests: records every request and answers with the status `respond` picks. */
export async function startReceiver(
  respond: (req: ReceivedRequest, index: number) => number | Promise<number> = () => 200,
): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const entry = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
    const index = received.push(entry) - 1;
    res.statusCode = await respond(entry, index);
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`receiver got ${received.length} of ${count} requests`);
        await new Promise((r) => setTimeout(r, 5));
      }
      return received;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port that was just open and is now closed: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// Test responses are asserted field by field; typing every shape would add nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** JSON POST/GET against the sandbox; returns status, parsed body and raw text. */
export async function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, json: json as Json, text, headers: res.headers };
}

/** A sandbox and a webhook receiver for the test file, closed after it. */
export function withSandboxAndReceiver(use: (sandbox: Sandbox, receiver: Receiver) => void) {
  let sandbox: Sandbox | undefined;
  let receiver: Receiver | undefined;
  beforeAll(async () => {
    sandbox = await createSandbox();
    receiver = await startReceiver();
    use(sandbox, receiver);
  });
  afterAll(async () => {
    await sandbox?.close();
    await receiver?.close();
  });
}
