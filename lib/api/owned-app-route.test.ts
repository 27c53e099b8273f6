import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database, Db } from '@/db/client';
import { openTestDatabase } from '@/db/test-db';
import { rollSecretKeySchema } from '@/lib/api-keys/contract';
import { generateApiKeys } from '@/lib/api-keys/generate-api-keys';
import { listAppApiKeys } from '@/lib/api-keys/list-api-keys';
import { revokeSecretKey } from '@/lib/api-keys/revoke-secret-key';
import { rollSecretKey } from '@/lib/api-keys/roll-secret-key';
import { createTestApp, markGatewayVerified, type TestApp } from '@/lib/api-keys/test-fixtures';
import type { SessionMerchant } from '@/lib/auth/session';
import { AppError, GENERIC_ERROR_MESSAGE } from '@/lib/errors';
import { jsonResponse } from './json';
import { createOwnedAppRoute } from './owned-app-route';

// The session is the one thing supplied from outside: next-auth is exercised by the e2e suite.
let database: Database;
let db: Db;
let session: SessionMerchant | null;
let owner: TestApp;
let stranger: TestApp;

const ORIGIN = 'http://dash.test';
const withOwnedApp = createOwnedAppRoute({
  getMerchant: async () => session,
  getDb: async () => db,
  trustedOrigins: ['https://pay.example'],
});

// The route handlers of app/api/apps/[appId]/api-keys, built the same way.
const listRoute = withOwnedApp({}, async ({ db, app }) => jsonResponse(await listAppApiKeys(db, { appId: app.id })));
const generateRoute = withOwnedApp({}, async ({ db, app, merchant, ip }) =>
  jsonResponse(await generateApiKeys(db, { appId: app.id, merchantId: merchant.id, ip }), 201),
);
const rollRoute = withOwnedApp({ body: rollSecretKeySchema }, async ({ db, app, merchant, ip, body }) =>
  jsonResponse(await rollSecretKey(db, { appId: app.id, merchantId: merchant.id, ip, overlap: body.overlap }), 201),
);
const revokeRoute = withOwnedApp(
  { params: z.object({ keyId: z.uuid({ error: 'This API key does not exist.' }) }) },
  async ({ db, app, merchant, ip, params }) =>
    jsonResponse(await revokeSecretKey(db, { appId: app.id, merchantId: merchant.id, ip, keyId: params.keyId })),
);

type Init = { method?: string; origin?: string | null; body?: string; path?: string };
function call(
  route: (request: Request, ctx: { params: Promise<{ appId: string }> }) => Promise<Response>,
  params: Record<string, string>,
  init: Init = {},
) {
  const method = init.method ?? 'POST';
  const headers = new Headers({ 'x-forwarded-for': '203.0.113.5' });
  const origin = init.origin === undefined ? ORIGIN : init.origin;
  if (origin) headers.set('origin', origin);
  const request = new Request(`${ORIGIN}${init.path ?? '/api/apps/x/api-keys'}`, { method, headers, body: init.body });
  return route(request, { params: Promise.resolve(params as { appId: string }) });
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = await response.json();
  expect(body).toMatchObject({ error: { code, message: expect.any(String) } });
  return body.error as { code: string; message: string; fieldErrors?: Record<string, string[]> };
}

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  owner = await createTestApp(db, 'owner');
  stranger = await createTestApp(db, 'stranger');
  await markGatewayVerified(db, { appId: owner.appId, mode: 'test' });
});
afterAll(() => database.close());
beforeEach(() => {
  session = { id: owner.merchantId, email: 'owner@example.com' };
});

describe('withOwnedApp', () => {
  it('answers 401 without a session', async () => {
    session = null;
    await expectError(await call(listRoute, { appId: owner.publicId }, { method: 'GET' }), 401, 'unauthorized');
  });

  it('answers 403 to a POST without an Origin, or from another site', async () => {
    for (const origin of [null, 'https://evil.example', 'null', 'http://dash.test:8080']) {
      await expectError(await call(generateRoute, { appId: owner.publicId }, { origin }), 403, 'forbidden');
    }
  });

  it('lets a GET through without an Origin, and a POST from a trusted origin', async () => {
    expect((await call(listRoute, { appId: owner.publicId }, { method: 'GET', origin: null })).status).toBe(200);
    const trusted = await call(rollRoute, { appId: owner.publicId }, { origin: 'https://pay.example', body: '{}' });
    await expectError(trusted, 400, 'bad_request');
  });

  it('answers 404 alike for an unknown app and another merchant’s app', async () => {
    const unknown = await expectError(await call(listRoute, { appId: 'app_0000000000000000' }, { method: 'GET' }), 404, 'not_found');
    const theirs = await expectError(await call(listRoute, { appId: stranger.publicId }, { method: 'GET' }), 404, 'not_found');
    expect(theirs).toEqual(unknown);
    await expectError(await call(generateRoute, { appId: stranger.publicId }), 404, 'not_found');
    await expectError(await call(listRoute, { appId: 'x'.repeat(500) }, { method: 'GET' }), 404, 'not_found');
  });

  it('answers 400 with the reason for a body that is not JSON or fails the schema', async () => {
    const notJson = await expectError(await call(rollRoute, { appId: owner.publicId }, { body: '{overlap' }), 400, 'bad_request');
    expect(notJson.message).toMatch(/JSON/);
    const wrong = await expectError(
      await call(rollRoute, { appId: owner.publicId }, { body: JSON.stringify({ overlap: '2y' }) }),
      400,
      'bad_request',
    );
    expect(wrong.message).toMatch(/^overlap: must be one of now, 1h, 24h, 7d/);
    expect(wrong.fieldErrors).toHaveProperty('overlap');
    await expectError(await call(rollRoute, { appId: owner.publicId }, { body: 'null' }), 400, 'bad_request');
    await expectError(await call(rollRoute, { appId: owner.publicId }, { body: '[]' }), 400, 'bad_request');
    const huge = JSON.stringify({ overlap: '1h', pad: 'x'.repeat(20_000) });
    await expectError(await call(rollRoute, { appId: owner.publicId }, { body: huge }), 400, 'bad_request');
  });

  it('answers 404 for a malformed id in the path', async () => {
    const error = await expectError(await call(revokeRoute, { appId: owner.publicId, keyId: 'not-a-uuid' }), 404, 'not_found');
    expect(error.message).toBe('This API key does not exist.');
  });

  it('maps an AppError to its status, and hides anything else behind a logged 500', async () => {
    const conflict = withOwnedApp({}, async () => {
      throw new AppError('conflict', 'Already done.');
    });
    expect(await expectError(await call(conflict, { appId: owner.publicId }), 409, 'conflict')).toMatchObject({
      message: 'Already done.',
    });

    const broken = withOwnedApp({}, async () => {
      throw new Error('connection string postgres://user:hunter2@db');
    });
    const response = await call(broken, { appId: owner.publicId });
    const text = await response.clone().text();
    const error = await expectError(response, 500, 'internal');
    expect(error.message).toBe(GENERIC_ERROR_MESSAGE);
    expect(text).not.toContain('hunter2');
  });

  it('marks every answer no-store and passes the client IP to the handler', async () => {
    let seenIp = '';
    const route = withOwnedApp({}, async ({ ip }) => {
      seenIp = ip;
      return new Response('ok');
    });
    const response = await call(route, { appId: owner.publicId }, { method: 'GET' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(seenIp).toBe('203.0.113.5');
  });
});

describe('API key routes, through the wrapper', () => {
  it('shows a secret in exactly one response: the one that created it', async () => {
    const appId = owner.publicId;
    const generated = await call(generateRoute, { appId });
    expect(generated.status).toBe(201);
    const { secretKey, publicKey } = await generated.json();
    expect(secretKey.token).toMatch(/^sk_test_/);
    expect(publicKey.displayPrefix).toMatch(/^pk_test_/);

    await expectError(await call(generateRoute, { appId }), 409, 'conflict');

    const rolled = await call(rollRoute, { appId }, { body: JSON.stringify({ overlap: '1h' }) });
    expect(rolled.status).toBe(201);
    const rolledText = await rolled.text();
    expect(rolledText).not.toContain(secretKey.token);
    const newSecret = JSON.parse(rolledText).secretKey;

    const revoked = await call(revokeRoute, { appId, keyId: secretKey.id });
    expect(revoked.status).toBe(200);
    expect((await revoked.json()).key).toMatchObject({ id: secretKey.id, status: 'revoked' });

    const listText = await (await call(listRoute, { appId }, { method: 'GET' })).text();
    expect(listText).not.toContain(secretKey.token);
    expect(listText).not.toContain(newSecret.token);
    expect(listText).not.toContain('"token"');
    expect(JSON.parse(listText).keys).toHaveLength(3);
  });

  it('does not let a merchant revoke a key through another merchant’s app', async () => {
    session = { id: stranger.merchantId, email: 'stranger@example.com' };
    const [key] = (await listAppApiKeys(db, { appId: owner.appId })).keys;
    await expectError(await call(revokeRoute, { appId: owner.publicId, keyId: key!.id }), 404, 'not_found');
    await expectError(await call(revokeRoute, { appId: stranger.publicId, keyId: key!.id }), 404, 'not_found');
  });
});
