import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE as deleteRoute, GET as getRoute } from '@/app/api/v1/webhook_endpoints/[endpointId]/route';
import { GET as listRoute, POST as createRoute } from '@/app/api/v1/webhook_endpoints/route';
import type { Database } from '@/db/client';
import { insertEndpoint } from '@/db/queries/merchant-webhook-endpoints';
import { openTestDatabase } from '@/db/test-db';
import { connectedApp } from '@/lib/api-v1/test-app';
import { encryptSecret } from '@/lib/crypto';
import { env } from '@/lib/env';
import { createSandbox, type Sandbox } from '@/sandbox/server';
import { newEndpointId, SUBSCRIBABLE_EVENTS } from './catalogue';
import { newSigningSecret } from './sign';

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

const BASE = 'http://localhost:3000/api/v1/webhook_endpoints';

async function send(method: string, path: string, key: string, body?: string | object, headers: Record<string, string> = {}) {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${key}`, ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const request = new Request(`${BASE}${path}`, init);
  const endpointId = decodeURIComponent(path.slice(1));
  const route = path ? { GET: getRoute, DELETE: deleteRoute }[method]! : { GET: listRoute, POST: createRoute }[method]!;
  const response = await route(request, { params: Promise.resolve({ endpointId }) } as never);
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text), headers: response.headers };
}

describe('/api/v1/webhook_endpoints', () => {
  it('creates (the secret in that answer only), lists, retrieves and deletes in the key’s mode', async () => {
    const { secretKey } = await connectedApp(database.db, sandbox.url);
    const created = await send('POST', '', secretKey, { url: 'https://shop.example.com/webhooks/kspay', events: ['*'], description: 'Fulfilment' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      id: expect.stringMatching(/^we_[0-9A-Za-z]{24}$/),
      object: 'webhook_endpoint',
      url: 'https://shop.example.com/webhooks/kspay',
      events: [...SUBSCRIBABLE_EVENTS],
      description: 'Fulfilment',
      mode: 'test',
      status: 'enabled',
      disabled_reason: null,
      secret: expect.stringMatching(/^whsec_/),
    });
    const id = created.json.id as string;
    const fetched = await send('GET', `/${id}`, secretKey);
    expect(fetched.status).toBe(200);
    expect(fetched.json).not.toHaveProperty('secret');
    expect(fetched.text).not.toContain(created.json.secret.slice(6));
    const listed = await send('GET', '', secretKey);
    expect(listed.json).toMatchObject({ object: 'list', has_more: false, data: [{ id, events: [...SUBSCRIBABLE_EVENTS] }] });
    expect(listed.text).not.toContain('whsec_');
    expect((await send('DELETE', `/${id}`, secretKey)).json).toEqual({ id, object: 'webhook_endpoint', deleted: true });
    expect((await send('GET', `/${id}`, secretKey)).status).toBe(404);
    expect((await send('DELETE', `/${id}`, secretKey)).status).toBe(404);
  });

  it('refuses bad input with a 400 naming the field, and creates nothing', async () => {
    const { secretKey } = await connectedApp(database.db, sandbox.url);
    const cases: [unknown, string, RegExp][] = [
      [{ events: ['order.paid'] }, 'url', /URL/],
      [{ url: 42, events: ['order.paid'] }, 'url', /./],
      [{ url: 'https://shop.example.com/h' }, 'events', /list/],
      [{ url: 'https://shop.example.com/h', events: [] }, 'events', /at least one/],
      [{ url: 'https://shop.example.com/h', events: 'order.paid' }, 'events', /list/],
      [{ url: 'https://shop.example.com/h', events: ['order.shipped'] }, 'events.0', /one of/],
      [{ url: 'https://shop.example.com/h', events: ['order.paid'], secret: 'mine' }, 'secret', /unknown parameter/],
      [{ url: 'https://shop.example.com/h', events: ['order.paid'], description: 'a\u0000b' }, 'description', /./],
      [{ url: 'https://shop.example.com/h', events: ['order.paid'], description: 'x'.repeat(201) }, 'description', /200/],
      [{ url: 'http://169.254.169.254/latest/meta-data', events: ['order.paid'] }, 'url', /metadata/],
      [{ url: 'https://user:pw@shop.example.com/h', events: ['order.paid'] }, 'url', /password/],
      [{ url: 'javascript:alert(1)', events: ['order.paid'] }, 'url', /https/],
      [{ url: `https://shop.example.com/${'p'.repeat(2100)}`, events: ['order.paid'] }, 'url', /2048/],
    ];
    for (const [body, param, message] of cases) {
      const answer = await send('POST', '', secretKey, body as object);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(answer.json.error).toMatchObject({ type: 'invalid_request_error', param, message: expect.stringMatching(message) });
    }
    expect((await send('POST', '', secretKey, '{"url":')).json.error.code).toBe('body_not_json');
    expect((await send('POST', '', secretKey, 'x'.repeat(20 * 1024))).status).toBe(413);
    expect((await send('GET', '', secretKey)).json.data).toEqual([]);
  });

  it("another app's endpoint, another mode's, or a malformed id is a 404", async () => {
    const mine = await connectedApp(database.db, sandbox.url);
    const theirs = await connectedApp(database.db, sandbox.url);
    const other = await send('POST', '', theirs.secretKey, { url: 'https://them.example.com/h', events: ['order.paid'] });
    expect(other.status).toBe(201);
    const live = await insertEndpoint(database.db, {
      id: newEndpointId(),
      appId: mine.app.id,
      mode: 'live',
      url: 'https://shop.example.com/live',
      description: null,
      events: ['order.paid'],
      secretSealed: encryptSecret(newSigningSecret()),
    });
    for (const id of [other.json.id, live.id, 'we_short', 'ord_0000000000000000', `we_${'a'.repeat(24)}%00`, '😀']) {
      expect((await send('GET', `/${encodeURIComponent(id)}`, mine.secretKey)).status, id).toBe(404);
      expect((await send('DELETE', `/${encodeURIComponent(id)}`, mine.secretKey)).status, id).toBe(404);
    }
    expect((await send('GET', '', mine.secretKey)).json.data).toEqual([]);
    expect((await send('GET', `/${other.json.id}`, theirs.secretKey)).status).toBe(200);
  });

  it('an Idempotency-Key replays the creation (secret included) without storing the secret in clear', async () => {
    const { secretKey, app } = await connectedApp(database.db, sandbox.url);
    const body = { url: 'https://shop.example.com/once', events: ['order.paid'] };
    const first = await send('POST', '', secretKey, body, { 'idempotency-key': 'create-endpoint-1' });
    const again = await send('POST', '', secretKey, body, { 'idempotency-key': 'create-endpoint-1' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    expect((await send('GET', '', secretKey)).json.data).toHaveLength(1);
    const { apiIdempotencyKeys } = await import('@/db/schema');
    const { eq } = await import('drizzle-orm');
    const stored = await database.db.select().from(apiIdempotencyKeys).where(eq(apiIdempotencyKeys.appId, app.id));
    expect(JSON.stringify(stored)).not.toContain(first.json.secret.slice(6));
  });
});

describe('limits', () => {
  it('at most 16 endpoints per mode', async () => {
    const { secretKey } = await connectedApp(database.db, sandbox.url);
    for (let i = 0; i < 16; i++) expect((await send('POST', '', secretKey, { url: `https://shop.example.com/h${i}`, events: ['order.paid'] })).status).toBe(201);
    const over = await send('POST', '', secretKey, { url: 'https://shop.example.com/h16', events: ['order.paid'] });
    expect(over.status).toBe(400);
    expect(over.json.error.message).toMatch(/at most 16/);
  });
});
