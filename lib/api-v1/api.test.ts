import { eq } from 'drizzle-orm';
import { GET as listOrdersRoute, POST as createOrderRoute } from '@/app/api/v1/orders/route';
import { GET as getPublicOrder, OPTIONS as preflightPublicOrder } from '@/app/api/v1/public/orders/[orderId]/route';
import { setAllowedOrigins } from '@/db/queries/apps';
import { apiIdempotencyKeys, apiRateWindows, orders } from '@/db/schema';
import { pruneExpiredRecords } from '@/lib/prune';
import { requestHash } from './idempotency';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route';
import { GET as getOrderPayments } from '@/app/api/v1/orders/[orderId]/payments/route';
import { GET as getOrder } from '@/app/api/v1/orders/[orderId]/route';
import { POST as verifyPayment } from '@/app/api/v1/payments/verify/route';
import type { Database } from '@/db/client';
import { insertApiKey } from '@/db/queries/api-keys';
import { claimIdempotencyKey } from '@/db/queries/idempotency-keys';
import { openTestDatabase } from '@/db/test-db';
import { clearGatewayVerification, markGatewayVerified } from '@/lib/api-keys/test-fixtures';
import { revokeSecretKey } from '@/lib/api-keys/revoke-secret-key';
import { rollSecretKey } from '@/lib/api-keys/roll-secret-key';
import { issueToken } from '@/lib/api-keys/token';
import { env } from '@/lib/env';
import { razorpayCheckoutSignature } from '@/lib/gateways/signatures';
import { syncOrder } from '@/lib/payments/sync';
import { createSandbox, type Sandbox } from '@/sandbox/server';
import { call } from '@/sandbox/test-utils';
import { connectedApp } from './test-app';

let database: Database;
let sandbox: Sandbox;
const globalForDb = globalThis as unknown as { ksPayDb?: Promise<Database> };

beforeAll(async () => {
  database = await openTestDatabase();
  globalForDb.ksPayDb = Promise.resolve(database);
  sandbox = await createSandbox({ port: 0, retryBaseMs: 20, maxAttempts: 2 });
  env.SANDBOX_URL = sandbox.url;
});
afterAll(async () => {
  await sandbox.close();
  delete globalForDb.ksPayDb;
  await database.close();
});

const BASE = 'http://localhost:3000/api/v1';
type Init = { key?: string | null; headers?: Record<string, string>; body?: string | object };

function request(path: string, init: Init = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Request(`${BASE}${path}`, { method: body === undefined ? 'GET' : 'POST', headers, body });
}

async function read(response: Response) {
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) };
}

const orderGet = (key: string | null, orderId: string, init: Init = {}) =>
  getOrder(request(`/orders/${encodeURIComponent(orderId)}`, { key, ...init }), { params: Promise.resolve({ orderId }) }).then(read);
const verify = (key: string, body: string | object, headers: Record<string, string> = {}) =>
  verifyPayment(request('/payments/verify', { key, body, headers }), { params: Promise.resolve({}) }).then(read);

describe('authentication and mode', () => {
  it('explains every refused key with a 401 and the error shape, with a request id', async () => {
    const { verificationOrder: order, publicKey } = await connectedApp(database.db, sandbox.url);
    const cases: [Record<string, string>, string][] = [
      [{}, 'api_key_missing'],
      [{ authorization: 'Basic Zm9vOmJhcg==' }, 'api_key_malformed'],
      [{ authorization: 'Bearer not-a-key' }, 'api_key_malformed'],
      [{ authorization: `Bearer ${publicKey}` }, 'api_key_wrong_kind'],
      [{ authorization: `Bearer ${issueToken('secret', 'test').token}` }, 'api_key_invalid'],
    ];
    for (const [headers, code] of cases) {
      const answer = await orderGet(null, order.id, { headers });
      expect(answer.status, code).toBe(401);
      expect(answer.json).toEqual({ error: { type: 'authentication_error', code, message: expect.any(String) }, request_id: expect.stringMatching(/^req_/) });
      expect(answer.headers.get('request-id')).toBe(answer.json.request_id);
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('a revoked key and an expired (rolled) key say so', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    const rolled = await rollSecretKey(database.db, { ...app.actor, overlap: 'now' });
    expect((await orderGet(app.secretKey, app.verificationOrder.id)).json.error.code).toBe('api_key_expired');
    const fresh = rolled.secretKey.token;
    expect((await orderGet(fresh, app.verificationOrder.id)).status).toBe(200);
    await revokeSecretKey(database.db, { ...app.actor, keyId: rolled.secretKey.id });
    const revoked = await orderGet(fresh, app.verificationOrder.id);
    expect(revoked.status).toBe(401);
    expect(revoked.json.error.code).toBe('api_key_revoked');
  });

  it('a key of the other mode gets 403 wrong_mode in the seed’s words; an unverified app 403', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    const live = issueToken('secret', 'live');
    await insertApiKey(database.db, { appId: app.app.id, kind: 'secret', mode: 'live', ...live });
    const wrong = await orderGet(live.token, app.verificationOrder.id);
    expect(wrong.status).toBe(403);
    expect(wrong.json.error).toMatchObject({ type: 'permission_error', code: 'wrong_mode', message: expect.stringContaining("You're using the wrong mode") });
    await clearGatewayVerification(database.db, { appId: app.app.id });
    const unverified = await orderGet(app.secretKey, app.verificationOrder.id);
    expect(unverified.status).toBe(403);
    expect(unverified.json.error.code).toBe('app_not_verified');
    await markGatewayVerified(database.db, { appId: app.app.id, mode: 'test' });
  });
});

describe('orders and payments', () => {
  it('reads an order and its payments as the gateway reported them', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    const order = app.verificationOrder;
    const first = await orderGet(app.secretKey, order.id);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      id: order.id,
      object: 'order',
      status: 'CREATED',
      mode: 'test',
      amount: 100,
      amount_paid: 0,
      currency: 'INR',
      gateway: 'razorpay',
      gateway_order_id: order.gatewayOrderId,
      checkout_url: expect.stringMatching(new RegExp(`/pay/${order.id}$`)),
    });
    const paid = await call(`${sandbox.url}/__sandbox/payments`, { body: { gateway: 'razorpay', order_id: order.gatewayOrderId, outcome: 'captured', method: 'upi' } });
    expect(paid.status).toBe(200);
    await syncOrder(database.db, { appId: app.app.id, orderId: order.id });
    expect((await orderGet(app.secretKey, order.id)).json).toMatchObject({ status: 'PAID', amount_paid: 100 });
    const payments = await read(await getOrderPayments(request(`/orders/${order.id}/payments`, { key: app.secretKey }), { params: Promise.resolve({ orderId: order.id }) }));
    expect(payments.json).toMatchObject({
      object: 'list',
      has_more: false,
      data: [{ object: 'payment', order_id: order.id, status: 'CAPTURED', method: 'upi', amount: 100, gateway_payment_id: paid.json.payment.id, error: null }],
    });
  });

  it('another app’s order, a malformed id, NUL and unicode are 404 without a 500', async () => {
    const mine = await connectedApp(database.db, sandbox.url);
    const theirs = await connectedApp(database.db, sandbox.url);
    for (const id of [theirs.verificationOrder.id, 'ord_x', 'ord_\u0000AAAAAAAAAAAAAAA', 'ord_ÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ', 'x'.repeat(5000)]) {
      const answer = await orderGet(mine.secretKey, id);
      expect(answer.status, id.slice(0, 20)).toBe(404);
      expect(answer.json.error).toMatchObject({ type: 'invalid_request_error', code: 'resource_missing' });
    }
  });
});

describe('payments/verify', () => {
  it('checks Razorpay Checkout’s signature against the order id we stored', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    const order = app.verificationOrder;
    const paymentId = 'pay_Abc123Def456Gh';
    const signature = razorpayCheckoutSignature(order.gatewayOrderId, paymentId, app.account.key_secret);
    const good = await verify(app.secretKey, { order_id: order.id, payment_id: paymentId, signature });
    expect(good.status).toBe(200);
    expect(good.json).toMatchObject({ object: 'payment_verification', verified: true, order: { id: order.id, status: 'CREATED' } });
    const forged = razorpayCheckoutSignature('order_someOtherOrder', paymentId, app.account.key_secret);
    expect((await verify(app.secretKey, { order_id: order.id, payment_id: paymentId, signature: forged })).json.verified).toBe(false);
  });

  it('bad bodies are 400s naming the parameter, and change nothing', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    const valid = { order_id: app.verificationOrder.id, payment_id: 'pay_A1', signature: 'a'.repeat(64) };
    const cases: [string | object, string, string | undefined][] = [
      ['', 'body_missing', undefined],
      ['{"order_id": ', 'body_not_json', undefined],
      [[], 'parameter_invalid', undefined],
      [{ ...valid, order_id: 42 }, 'parameter_invalid', 'order_id'],
      [{ ...valid, signature: 'zz' }, 'parameter_invalid', 'signature'],
      [{ ...valid, payment_id: 'pay_\u0000x' }, 'parameter_invalid', 'payment_id'],
      [{ ...valid, extra: true }, 'parameter_unknown', 'extra'],
    ];
    for (const [body, code, param] of cases) {
      const answer = await verify(app.secretKey, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.json.error).toMatchObject({ type: 'invalid_request_error', code, ...(param ? { param } : {}) });
    }
    const huge = await verify(app.secretKey, { ...valid, pad: 'x'.repeat(20_000) });
    expect(huge.status).toBe(413);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer, refuses another body, and is scoped to the app', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    const other = await connectedApp(database.db, sandbox.url);
    const body = { order_id: app.verificationOrder.id, payment_id: 'pay_A1', signature: 'a'.repeat(64) };
    const key = { 'idempotency-key': 'verify-1' };
    const first = await verify(app.secretKey, body, key);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await verify(app.secretKey, body, key);
    expect(again.status).toBe(first.status);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const changed = await verify(app.secretKey, { ...body, payment_id: 'pay_B2' }, key);
    expect(changed.status).toBe(422);
    expect(changed.json.error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_error' });
    // The same key in another app is another key.
    const elsewhere = await verify(other.secretKey, { ...body, order_id: other.verificationOrder.id }, key);
    expect(elsewhere.headers.get('idempotent-replayed')).toBeNull();
  });

  it('stores a 4xx answer too, and replays it', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    const body = { order_id: 'ord_AAAAAAAAAAAAAAAA', payment_id: 'pay_A1', signature: 'a'.repeat(64) };
    const first = await verify(app.secretKey, body, { 'idempotency-key': 'missing-order' });
    expect(first.status).toBe(404);
    const again = await verify(app.secretKey, body, { 'idempotency-key': 'missing-order' });
    expect(again.status).toBe(404);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('many identical requests at once run once: the rest are replays or 409s', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    const body = { order_id: app.verificationOrder.id, payment_id: 'pay_A1', signature: 'a'.repeat(64) };
    const answers = await Promise.all(Array.from({ length: 12 }, () => verify(app.secretKey, body, { 'idempotency-key': 'burst' })));
    const originals = answers.filter((a) => a.status === 200 && a.headers.get('idempotent-replayed') === null);
    expect(originals).toHaveLength(1);
    for (const answer of answers) {
      if (answer === originals[0]) continue;
      if (answer.status === 409) expect(answer.json.error.code).toBe('idempotency_in_progress');
      else expect(answer.headers.get('idempotent-replayed')).toBe('true');
    }
  });

  it('a claim abandoned by a dead instance is taken over by the same request', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    const body = { order_id: app.verificationOrder.id, payment_id: 'pay_A1', signature: 'a'.repeat(64) };
    const hash = requestHash('POST', '/api/v1/payments/verify', JSON.stringify(body));
    expect(await claimIdempotencyKey(database.db, { appId: app.app.id, mode: 'test', key: 'dead', requestHash: hash, lockSeconds: -1 })).toBe(true);
    const answer = await verify(app.secretKey, body, { 'idempotency-key': 'dead' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses a key that is too long or not visible ASCII', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    const body = { order_id: app.verificationOrder.id, payment_id: 'pay_A1', signature: 'a'.repeat(64) };
    for (const key of ['k'.repeat(256), 'with space', 'ünïcode']) {
      const answer = await verify(app.secretKey, body, { 'idempotency-key': key });
      expect(answer.status, key.slice(0, 10)).toBe(400);
      expect(answer.json.error.code).toBe('idempotency_key_invalid');
    }
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the per-key limit, for that key only', async () => {
    const limited = await connectedApp(database.db, sandbox.url);
    const other = await connectedApp(database.db, sandbox.url);
    const saved = env.API_RATE_LIMIT_PER_MINUTE;
    env.API_RATE_LIMIT_PER_MINUTE = 5;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await orderGet(limited.secretKey, limited.verificationOrder.id)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const refused = await orderGet(limited.secretKey, limited.verificationOrder.id);
      expect(refused.json.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limited' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await orderGet(other.secretKey, other.verificationOrder.id)).status).toBe(200);
    } finally {
      env.API_RATE_LIMIT_PER_MINUTE = saved;
    }
  });

  it('a POST over the limit claims no Idempotency-Key, and the limit comes before a bad body or key', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    const body = { order_id: app.verificationOrder.id, payment_id: 'pay_A1', signature: 'a'.repeat(64) };
    const saved = env.API_RATE_LIMIT_PER_MINUTE;
    env.API_RATE_LIMIT_PER_MINUTE = 0;
    try {
      const refused = await verify(app.secretKey, body, { 'idempotency-key': 'limited' });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await database.db.select().from(apiIdempotencyKeys).where(eq(apiIdempotencyKeys.appId, app.app.id))).toEqual([]);
      expect((await verify(app.secretKey, body, { 'idempotency-key': 'with space' })).status).toBe(429);
      expect((await verify(app.secretKey, 'x'.repeat(17 * 1024), { 'idempotency-key': 'big' })).status).toBe(429);
    } finally {
      env.API_RATE_LIMIT_PER_MINUTE = saved;
    }
    const answer = await verify(app.secretKey, body, { 'idempotency-key': 'limited' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('openapi.json', () => {
  it('is OpenAPI 3.1 whose every $ref resolves', async () => {
    const doc = await getOpenApi().json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/orders', '/orders/{id}', '/orders/{id}/payments', '/payments/verify', '/webhook_endpoints', '/webhook_endpoints/{id}']);
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref.split('/').at(-1)!.replace('"', ''));
    expect(doc.components.schemas.CreateOrder.required).toEqual(['amount', 'currency']);
  });
});

describe('pruning', () => {
  it('drops idempotency keys past 24 h and rate windows past 2 minutes, and keeps the rest', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    const ago = (ms: number) => new Date(Date.now() - ms);
    const row = { appId: app.app.id, mode: 'test' as const, requestHash: 'a'.repeat(64), lockedUntil: new Date() };
    await database.db.insert(apiIdempotencyKeys).values([
      { ...row, key: 'old', createdAt: ago(25 * 3600_000) },
      { ...row, key: 'recent', createdAt: ago(23 * 3600_000) },
    ]);
    await database.db.insert(apiRateWindows).values([
      { keyId: app.secretKeyId, windowStart: ago(5 * 60_000), count: 3 },
      { keyId: app.secretKeyId, windowStart: ago(60_000), count: 3 },
    ]);
    await pruneExpiredRecords(database.db);
    const keys = await database.db.select({ key: apiIdempotencyKeys.key }).from(apiIdempotencyKeys).where(eq(apiIdempotencyKeys.appId, app.app.id));
    expect(keys.map((k) => k.key)).toEqual(['recent']);
    const windows = await database.db.select().from(apiRateWindows).where(eq(apiRateWindows.keyId, app.secretKeyId));
    expect(windows).toHaveLength(1);
  });
});

describe('the public key, from allowed domains only', () => {
  it('answers a listed Origin with CORS headers, and refuses others', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    await setAllowedOrigins(database.db, { appId: app.app.id, origins: ['https://shop.example.com'] });
    const orderId = app.verificationOrder.id;
    const ask = (headers: Record<string, string>) =>
      getPublicOrder(new Request(`${BASE}/public/orders/${orderId}`, { headers: { authorization: `Bearer ${app.publicKey}`, ...headers } }), { params: Promise.resolve({ orderId }) }).then(read);

    const allowed = await ask({ origin: 'https://shop.example.com' });
    expect(allowed.status).toBe(200);
    expect(allowed.json).toEqual({ id: orderId, object: 'order_status', status: 'CREATED', amount: 100, currency: 'INR' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');

    for (const headers of [{ origin: 'https://evil.example' }, {}] as Record<string, string>[]) {
      const refused = await ask(headers);
      expect(refused.status).toBe(403);
      expect(refused.json.error.code).toBe('origin_not_allowed');
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    }
    const secretInBrowser = await getPublicOrder(new Request(`${BASE}/public/orders/${orderId}`, { headers: { authorization: `Bearer ${app.secretKey}`, origin: 'https://shop.example.com' } }), { params: Promise.resolve({ orderId }) });
    expect(secretInBrowser.status).toBe(401);
    const preflight = preflightPublicOrder(new Request(`${BASE}/public/orders/${orderId}`, { method: 'OPTIONS', headers: { origin: 'https://shop.example.com' } }));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
  });
});

describe('POST /orders', () => {
  const create = async (key: string, body: string | object, headers: Record<string, string> = {}) => {
    return createOrderRoute(request('/orders', { key, body, headers }), { params: Promise.resolve({}) }).then(read);
  };
  const ordersOf = async (appId: string) => {
    return database.db.select().from(orders).where(eq(orders.appId, appId));
  };
  const valid = { amount: 49_900, currency: 'INR', receipt: 'r-1', notes: { cart: '81' }, customer: { email: 'a@example.com', phone: '9999999999', name: 'Asha' } };

  it('creates the order at the gateway in the key’s mode and answers 201 with its checkout_url', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    const answer = await create(app.secretKey, valid);
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      object: 'order',
      status: 'CREATED',
      mode: 'test',
      amount: 49_900,
      currency: 'INR',
      receipt: 'r-1',
      notes: { cart: '81' },
      customer: { email: 'a@example.com', phone: '9999999999', name: 'Asha' },
      gateway: 'razorpay',
      gateway_order_id: expect.stringMatching(/^order_/),
      checkout_url: expect.stringMatching(/\/pay\/ord_[0-9A-Za-z]{16}$/),
      redirect_url: null,
    });
    const atGateway = await call(`${sandbox.url}/razorpay/v1/orders/${answer.json.gateway_order_id}`, {
      headers: { authorization: `Basic ${Buffer.from(`${app.account.key_id}:${app.account.key_secret}`).toString('base64')}` },
    });
    expect(atGateway.json).toMatchObject({ amount: 49_900, receipt: 'r-1' });
    expect((await orderGet(app.secretKey, answer.json.id)).json.id).toBe(answer.json.id);
  });

  it('a retried create with the same Idempotency-Key makes one order; 5xx answers are not kept', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    const before = (await ordersOf(app.app.id)).length;
    await call(`${sandbox.url}/__sandbox/faults`, { body: { gateway: 'razorpay', status: 503, count: 1 } });
    const down = await create(app.secretKey, valid, { 'idempotency-key': 'order-1001' });
    expect(down.status).toBe(503);
    expect(down.json.error).toMatchObject({ type: 'gateway_error', code: 'gateway_unavailable' });
    const first = await create(app.secretKey, valid, { 'idempotency-key': 'order-1001' });
    expect(first.status).toBe(201);
    const replay = await create(app.secretKey, valid, { 'idempotency-key': 'order-1001' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json.id).toBe(first.json.id);
    expect((await create(app.secretKey, { ...valid, amount: 50_000 }, { 'idempotency-key': 'order-1001' })).status).toBe(422);
    expect((await ordersOf(app.app.id)).length).toBe(before + 1);
  });

  it('refuses each bad field with a 400 naming it, before the gateway is asked', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    const before = (await ordersOf(app.app.id)).length;
    const cases: [object, string][] = [
      [{ ...valid, amount: '49900' }, 'amount'],
      [{ ...valid, amount: 10.5 }, 'amount'],
      [{ ...valid, amount: 0 }, 'amount'],
      [{ ...valid, currency: 'inr' }, 'currency'],
      [{ ...valid, receipt: 'r'.repeat(41) }, 'receipt'],
      [{ ...valid, receipt: 'r\u0000' }, 'receipt'],
      [{ ...valid, notes: Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, 'v'])) }, 'notes'],
      [{ ...valid, customer: { email: 'not-an-email' } }, 'customer.email'],
      [{ ...valid, redirect_url: 'javascript:alert(1)' }, 'redirect_url'],
      [{ ...valid, redirect_url: 'https://not-listed.example/done' }, 'redirect_url'],
      [{ ...valid, surprise: 1 }, 'surprise'],
    ];
    for (const [body, param] of cases) {
      const answer = await create(app.secretKey, body);
      expect(answer.status, param).toBe(400);
      expect(answer.json.error, param).toMatchObject({ type: 'invalid_request_error', param });
    }
    expect((await ordersOf(app.app.id)).length).toBe(before);
  });

  it('keeps a redirect_url on an allowed domain; the gateway’s own refusal is a 400 with its words', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    await setAllowedOrigins(database.db, { appId: app.app.id, origins: ['https://shop.example.com'] });
    const ok = await create(app.secretKey, { ...valid, receipt: 'r-2', redirect_url: 'https://shop.example.com/done?cart=81' });
    expect(ok.json.redirect_url).toBe('https://shop.example.com/done?cart=81');
    const tooSmall = await create(app.secretKey, { ...valid, receipt: 'r-3', amount: 50 });
    expect(tooSmall.status).toBe(400);
    expect(tooSmall.json.error).toMatchObject({ type: 'invalid_request_error', code: 'gateway_invalid_request', param: 'amount' });
  });

  it('Cashfree needs the customer’s phone, and gets our notify_url', async () => {
    const app = await connectedApp(database.db, sandbox.url, 'cashfree');
    const noPhone = await create(app.secretKey, { amount: 17_000, currency: 'INR' });
    expect(noPhone.status).toBe(400);
    expect(noPhone.json.error.param).toBe('customer.phone');
    const made = await create(app.secretKey, { amount: 17_000, currency: 'INR', customer: { phone: '9999999999' } });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ gateway: 'cashfree', amount: 17_000 });
  });
});

describe('GET /orders', () => {
  it('pages newest first with starting_after / ending_before and has_more, filters, and refuses bad parameters', async () => {
    const app = await connectedApp(database.db, sandbox.url);
    const other = await connectedApp(database.db, sandbox.url);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await read(await createOrderRoute(request('/orders', { key: app.secretKey, body: { amount: 1000 + i, currency: 'INR' } }), { params: Promise.resolve({}) }));
      made.unshift(answer.json.id);
    }
    const all = [...made, app.verificationOrder.id];
    const list = async (query: string, key = app.secretKey) => read(await listOrdersRoute(request(`/orders?${query}`, { key }), { params: Promise.resolve({}) }));

    const first = await list('limit=2');
    expect(first.json).toMatchObject({ object: 'list', has_more: true });
    expect(first.json.data.map((o: { id: string }) => o.id)).toEqual(all.slice(0, 2));
    const second = await list(`limit=2&starting_after=${all[1]}`);
    expect(second.json.data.map((o: { id: string }) => o.id)).toEqual(all.slice(2, 4));
    const last = await list(`limit=10&starting_after=${all[3]}`);
    expect(last.json).toMatchObject({ has_more: false });
    expect(last.json.data.map((o: { id: string }) => o.id)).toEqual(all.slice(4));
    const back = await list(`limit=2&ending_before=${all[4]}`);
    expect(back.json.data.map((o: { id: string }) => o.id)).toEqual(all.slice(2, 4));
    expect(back.json.has_more).toBe(true);
    expect((await list('')).json.data).toHaveLength(6);
    expect((await list('status=PAID')).json.data).toEqual([]);
    expect((await list(`created_gte=${Math.floor(Date.now() / 1000) + 3600}`)).json.data).toEqual([]);
    expect((await list(`created_lte=${new Date(Date.now() + 60_000).toISOString()}`)).json.data).toHaveLength(6);
    // Another app's orders are not there, not even as a cursor.
    expect((await list('', other.secretKey)).json.data.map((o: { id: string }) => o.id)).toEqual([other.verificationOrder.id]);
    for (const [query, param] of [
      [`starting_after=${other.verificationOrder.id}`, 'starting_after'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=abc', 'limit'],
      ['status=paid', 'status'],
      ['created_gte=yesterday', 'created_gte'],
      [`starting_after=${all[0]}&ending_before=${all[1]}`, 'ending_before'],
      ['starting_after=ord_%00', 'starting_after'],
      ['sort=asc', 'sort'],
    ]) {
      const answer = await list(query!);
      expect(answer.status, query).toBe(400);
      expect(answer.json.error.param, query).toBe(param);
    }
  });
});
