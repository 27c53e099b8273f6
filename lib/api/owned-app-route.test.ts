// First: it prepares the Node runtime the way Next's server does before any route module loads.
import { forwardedHeaders, inRequestScope, signInCookie, useAsAppDatabase } from './owned-app-route.fixtures';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as listOrGenerate from '@/app/api/apps/[appId]/api-keys/route';
import * as revoke from '@/app/api/apps/[appId]/api-keys/[keyId]/revoke/route';
import * as roll from '@/app/api/apps/[appId]/api-keys/roll/route';
import type { Database, Db } from '@/db/client';
import { createMerchant } from '@/db/queries/merchants';
import { openTestDatabase } from '@/db/test-db';
import { listAppApiKeys } from '@/lib/api-keys/list-api-keys';
import { createOwnedTestApp, markGatewayVerified, type TestApp } from '@/lib/api-keys/test-fixtures';
import { hashPassword } from '@/lib/auth/password';
import { env } from '@/lib/env';
import { AppError, GENERIC_ERROR_MESSAGE } from '@/lib/errors';
import { withOwnedApp } from './with-owned-app';

// The real route modules, the real wrapper and a real next-auth session: nothing is stood in for.
let database: Database;
let db: Db;
let session: string | null;
let owner: TestApp & { cookie: string };
let stranger: TestApp & { cookie: string };

const ORIGIN = 'http://dash.test';
type Handler = (request: Request, ctx: { params: Promise<{ appId: string }> }) => Promise<Response>;
const listRoute = { page: '/api/apps/[appId]/api-keys/route', handler: listOrGenerate.GET as Handler };
const generateRoute = { page: '/api/apps/[appId]/api-keys/route', handler: listOrGenerate.POST as Handler };
const rollRoute = { page: '/api/apps/[appId]/api-keys/roll/route', handler: roll.POST as Handler };
const revokeRoute = { page: '/api/apps/[appId]/api-keys/[keyId]/revoke/route', handler: revoke.POST as Handler };
const custom = (handler: Handler) => ({ page: '/api/apps/[appId]/test/route', handler });

type Init = { method?: string; origin?: string | null; body?: string; path?: string };
function call(route: { page: string; handler: Handler }, params: Record<string, string>, init: Init = {}) {
  const method = init.method ?? 'POST';
  const headers = new Headers({ 'x-forwarded-for': '203.0.113.5', ...forwardedHeaders(ORIGIN) });
  if (session) headers.set('cookie', session);
  const origin = init.origin === undefined ? ORIGIN : init.origin;
  if (origin) headers.set('origin', origin);
  const request = new Request(`${ORIGIN}${init.path ?? '/api/apps/x/api-keys'}`, { method, headers, body: init.body });
  return inRequestScope(request, route.page, () => route.handler(request, { params: Promise.resolve(params as { appId: string }) }));
}

/** A merchant who can sign in, with one app, and their session cookie. */
async function signedInMerchant(tag: string) {
  const email = `${tag}@example.com`;
  const password = `${tag}-password-0001`;
  const merchant = (await createMerchant(db, { email, passwordHash: await hashPassword(password) }))!;
  const app = await createOwnedTestApp(db, merchant.id);
  return { ...app, cookie: await signInCookie(ORIGIN, { email, password }) };
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
  useAsAppDatabase(database);
  owner = await signedInMerchant('owner');
  stranger = await signedInMerchant('stranger');
  await markGatewayVerified(db, { appId: owner.appId, mode: 'test' });
});
afterAll(() => database.close());
beforeEach(() => {
  session = owner.cookie;
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
    // APP_URL is the trusted origin behind a proxy.
    const trusted = await call(rollRoute, { appId: owner.publicId }, { origin: new URL(env.APP_URL).origin, body: '{}' });
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
    await expectError(await call(rollRoute, { appId: owner.publicId }, { body: huge }), 413, 'payload_too_large');
  });

  it('answers 404 for a malformed id in the path', async () => {
    const error = await expectError(await call(revokeRoute, { appId: owner.publicId, keyId: 'not-a-uuid' }), 404, 'not_found');
    expect(error.message).toBe('This API key does not exist.');
  });

  it('maps an AppError to its status, and hides anything else behind a logged 500', async () => {
    const conflict = custom(
      withOwnedApp({}, async () => {
        throw new AppError('conflict', 'Already done.');
      }),
    );
    expect(await expectError(await call(conflict, { appId: owner.publicId }), 409, 'conflict')).toMatchObject({
      message: 'Already done.',
    });

    const broken = custom(
      withOwnedApp({}, async () => {
        throw new Error('connection string postgres://user:hunter2@db');
      }),
    );
    const response = await call(broken, { appId: owner.publicId });
    const text = await response.clone().text();
    const error = await expectError(response, 500, 'internal');
    expect(error.message).toBe(GENERIC_ERROR_MESSAGE);
    expect(text).not.toContain('hunter2');
  });

  it('marks every answer no-store and passes the client IP to the handler', async () => {
    let seenIp = '';
    const route = custom(
      withOwnedApp({}, async ({ ip }) => {
        seenIp = ip;
        return new Response('ok');
      }),
    );
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
    session = stranger.cookie;
    const [key] = (await listAppApiKeys(db, { appId: owner.appId })).keys;
    await expectError(await call(revokeRoute, { appId: owner.publicId, keyId: key!.id }), 404, 'not_found');
    await expectError(await call(revokeRoute, { appId: stranger.publicId, keyId: key!.id }), 404, 'not_found');
  });
});
