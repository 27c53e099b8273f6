import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BUILT_IN_ACCOUNTS, BUILT_IN_CREDENTIALS } from './accounts';
import type { SandboxContext } from './context';
import { Deliverer } from './delivery';
import { dispatch } from './dispatch';
import { FaultQueue } from './faults';
import { BodyTooLarge, json, readBody, type Reply } from './http';
import { loadStateFile, StateWriter } from './persistence';
import { SandboxState } from './state';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Persist accounts, orders, payments and webhook configs here and reload them on start. */
  stateFile?: string;
  /** First webhook retry after this many ms, doubling per attempt (the real gateways use minutes). */
  retryBaseMs?: number;
  maxAttempts?: number;
  /** Per-attempt webhook timeout; both gateways give a receiver 5 s. */
  deliveryTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface Sandbox {
  url: string;
  port: number;
  credentials: typeof BUILT_IN_CREDENTIALS;
  /** Resolves when no webhook delivery is in flight or waiting for a retry. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { 'content-length': Buffer.byteLength(reply.body), ...reply.headers });
  res.end(reply.body);
}

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const state = new SandboxState(BUILT_IN_ACCOUNTS);
  const stored = options.stateFile ? loadStateFile(options.stateFile) : null;
  if (stored) state.load(stored);
  const writer = options.stateFile ? new StateWriter(options.stateFile, () => state.toJSON()) : null;
  const deliverer = new Deliverer({
    retryBaseMs: options.retryBaseMs ?? 1000,
    maxAttempts: options.maxAttempts ?? 5,
    timeoutMs: options.deliveryTimeoutMs ?? 5000,
    log: options.log,
  });
  const ctx: SandboxContext = { state, deliverer, faults: new FaultQueue() };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    let reply: Reply;
    try {
      const rawBody = await readBody(req);
      const method = req.method ?? 'GET';
      reply = await dispatch({ method, path: url.pathname, params: {}, query: url.searchParams, headers: req.headers, rawBody }, ctx);
      if (method !== 'GET') writer?.schedule();
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        reply = json(413, { error: { code: 'too_large', message: 'request body over 1 MB' } });
      } else {
        options.log?.(`sandbox error on ${req.method} ${url.pathname}: ${(error as Error).message}`);
        reply = json(500, { error: { code: 'internal', message: 'sandbox internal error' } });
      }
    }
    if (!res.destroyed) send(res, reply);
  }

  const server = createServer((req, res) => void handle(req, res));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    credentials: BUILT_IN_CREDENTIALS,
    idle: () => deliverer.idle(),
    async close() {
      await deliverer.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await writer?.flush();
    },
  };
}
