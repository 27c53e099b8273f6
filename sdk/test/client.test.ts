import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  IdempotencyError,
  InvalidRequestError,
  KsPay,
  KsPayError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  TimeoutError,
} from '../src/index.js';
import { apiError, order, send, startServer } from './server.js';

const secretKey = 'sk_test_abc123';
let servers: Awaited<ReturnType<typeof startServer>>[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function serve(...args: Parameters<typeof startServer>) {
  const server = await startServer(...args);
  servers.push(server);
  return server;
}

const client = (baseUrl: string, extra: Partial<ConstructorParameters<typeof KsPay>[0]> = {}) =>
  new KsPay({ secretKey, baseUrl, retryBaseMs: 10, retryMaxMs: 40, ...extra });

describe('requests', () => {
  it('creates an order with the secret key, JSON body and an idempotency key', async () => {
    const server = await serve((req, res) => send(res, 201, order('ord_1', { receipt: JSON.parse(req.body).receipt })));
    const created = await client(`${server.url}/`).orders.create({ amount: 49900, currency: 'INR', receipt: 'r-1' });
    expect(created).toMatchObject({ id: 'ord_1', receipt: 'r-1', status: 'CREATED' });
    const [request] = server.seen;
    expect(request).toMatchObject({ method: 'POST', url: '/api/v1/orders' });
    expect(request!.headers.authorization).toBe(`Bearer ${secretKey}`);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(request!.headers['user-agent']).toMatch(/^kspay-node\/\d+\.\d+\.\d+ node\//);
    expect(JSON.parse(request!.body)).toEqual({ amount: 49900, currency: 'INR', receipt: 'r-1' });
  });

  it('uses the caller’s idempotency key, and a fresh one per create call', async () => {
    const server = await serve((_req, res) => send(res, 201, order('ord_1')));
    const kspay = client(server.url);
    await kspay.orders.create({ amount: 100, currency: 'INR' }, { idempotencyKey: 'order-1001' });
    await kspay.orders.create({ amount: 100, currency: 'INR' });
    await kspay.orders.create({ amount: 100, currency: 'INR' });
    const keys = server.seen.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toBe('order-1001');
    expect(new Set(keys).size).toBe(3);
  });

  it('sends no idempotency key or body on reads, and escapes ids in the path', async () => {
    const server = await serve((_req, res) => send(res, 200, order('ord_1')));
    await client(server.url).orders.retrieve('ord_1/../x?y');
    expect(server.seen[0]!.url).toBe('/api/v1/orders/ord_1%2F..%2Fx%3Fy');
    expect(server.seen[0]!.headers['idempotency-key']).toBeUndefined();
    expect(server.seen[0]!.headers['content-type']).toBeUndefined();
  });

  it('refuses a missing or malformed secret key before any request', () => {
    expect(() => new KsPay({ secretKey: '' })).toThrow(KsPayError);
    expect(() => new KsPay({ secretKey: 'pk_test_abc' })).toThrow(/sk_test_/);
    expect(() => new KsPay({ secretKey: undefined as unknown as string })).toThrow(KsPayError);
    expect(() => client('http://localhost').orders.retrieve('')).toThrow(TypeError);
  });
});

describe('errors', () => {
  it.each([
    [400, 'invalid_request_error', 'parameter_invalid', InvalidRequestError],
    [401, 'authentication_error', 'api_key_invalid', AuthenticationError],
    [403, 'permission_error', 'wrong_mode', PermissionError],
    [404, 'invalid_request_error', 'resource_missing', NotFoundError],
    [409, 'idempotency_error', 'idempotency_in_progress', IdempotencyError],
    [422, 'idempotency_error', 'idempotency_error', IdempotencyError],
  ])('%i becomes a typed error carrying type, code, param and request id, without a retry', async (status, type, code, kind) => {
    const server = await serve((_req, res) => send(res, status, apiError(type, code, 'explained', 'amount')));
    const error = await client(server.url).orders.create({ amount: 1, currency: 'INR' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(kind);
    expect(error).toBeInstanceOf(KsPayError);
    expect(error).toMatchObject({ statusCode: status, type, code, param: 'amount', message: 'explained', requestId: 'req_test123' });
    expect(server.seen).toHaveLength(1);
  });

  it('an error without a JSON body still says the status', async () => {
    const server = await serve((_req, res) => send(res, 404, '<html>not found</html>', { 'content-type': 'text/html' }));
    const error = await client(server.url).orders.retrieve('ord_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(/404/);
  });

  it('a 2xx that is not JSON is an ApiError, not retried', async () => {
    const server = await serve((_req, res) => send(res, 200, 'ok', { 'content-type': 'text/plain' }));
    await expect(client(server.url).orders.retrieve('ord_1')).rejects.toBeInstanceOf(ApiError);
    expect(server.seen).toHaveLength(1);
  });

  it('does not follow redirects (the key must not travel to another host)', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(302, { location: 'http://127.0.0.1:9/steal' });
      res.end();
    });
    await expect(client(server.url, { maxRetries: 0 }).orders.retrieve('ord_1')).rejects.toBeInstanceOf(ConnectionError);
  });
});

describe('retries', () => {
  it('retries 5xx with the same idempotency key until it succeeds', async () => {
    const server = await serve((_req, res, i) =>
      i < 2 ? send(res, 503, apiError('api_error', 'gateway_unavailable', 'Razorpay is not answering')) : send(res, 201, order('ord_1')),
    );
    const created = await client(server.url).orders.create({ amount: 100, currency: 'INR' });
    expect(created.id).toBe('ord_1');
    expect(server.seen).toHaveLength(3);
    expect(new Set(server.seen.map((r) => r.headers['idempotency-key'])).size).toBe(1);
  });

  it('gives up after maxRetries and throws the last error', async () => {
    const server = await serve((_req, res) => send(res, 502, apiError('api_error', 'gateway_error', 'bad gateway')));
    const error = await client(server.url, { maxRetries: 3 }).orders.retrieve('ord_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(server.seen).toHaveLength(4);
  });

  it('waits as long as Retry-After says on 429', async () => {
    const server = await serve((_req, res, i) =>
      i === 0 ? send(res, 429, apiError('rate_limit_error', 'rate_limited', 'slow down'), { 'retry-after': '0.3' }) : send(res, 200, order('ord_1')),
    );
    await client(server.url).orders.retrieve('ord_1');
    expect(server.seen).toHaveLength(2);
    expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(290);
  });

  it('throws at once when Retry-After is longer than it will wait', async () => {
    const server = await serve((_req, res) => send(res, 429, apiError('rate_limit_error', 'rate_limited', 'slow down'), { 'retry-after': '3600' }));
    const error = await client(server.url).orders.retrieve('ord_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers?.get('retry-after')).toBe('3600');
    expect(server.seen).toHaveLength(1);
  });

  it('times out a stalled answer, retries it with the same key, then throws TimeoutError', async () => {
    const server = await serve(() => {
      /* never answers */
    });
    const started = Date.now();
    const error = await client(server.url, { timeoutMs: 100, maxRetries: 2 }).orders.create({ amount: 100, currency: 'INR' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.seen).toHaveLength(3);
    expect(new Set(server.seen.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('a body that stalls half-way is a timeout too', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":');
    });
    await expect(client(server.url, { timeoutMs: 100, maxRetries: 0 }).orders.retrieve('ord_1')).rejects.toBeInstanceOf(TimeoutError);
  });

  it('retries network errors, then throws ConnectionError', async () => {
    const server = await serve((_req, res) => send(res, 200, order('ord_1')));
    const { url } = server;
    await server.close();
    servers = [];
    const error = await client(url, { maxRetries: 2 }).orders.retrieve('ord_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as ConnectionError).code).toBe('network_error');
  });

  it('an aborted request is not retried', async () => {
    const server = await serve(() => {
      /* never answers */
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await client(server.url).orders.retrieve('ord_1', { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).code).toBe('aborted');
    expect(server.seen).toHaveLength(1);
  });
});
