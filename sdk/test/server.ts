import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string; at: number };
type Handler = (req: Seen, res: ServerResponse, index: number) => void;

/** A real HTTP server on a free port that answers with `handler` and remembers every request. */
export async function startServer(handler: Handler) {
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString(), at: Date.now() };
    seen.push(request);
    handler(request, res, seen.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export const apiError = (type: string, code: string, message: string, param?: string) => ({
  error: { type, code, message, ...(param ? { param } : {}) },
  request_id: 'req_test123',
});

export const order = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  object: 'order',
  status: 'CREATED',
  mode: 'test',
  amount: 49900,
  amount_paid: 0,
  amount_refunded: 0,
  currency: 'INR',
  receipt: null,
  notes: {},
  customer: null,
  gateway: 'razorpay',
  gateway_order_id: `order_${id}`,
  checkout_url: `http://localhost/pay/${id}`,
  redirect_url: null,
  created_at: '2026-12-01T00:00:00.000Z',
  updated_at: '2026-12-01T00:00:00.000Z',
  ...extra,
});
