// First: it prepares the Node runtime the way Next's server does before any route module loads.
import { forwardedHeaders, inRequestScope, signInCookie, useAsAppDatabase } from '@/lib/api/owned-app-route.fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as overview from '@/app/api/apps/[appId]/overview/route';
import * as list from '@/app/api/apps/[appId]/webhook-events/route';
import * as one from '@/app/api/apps/[appId]/webhook-events/[deliveryId]/route';
import type { Database, Db } from '@/db/client';
import { getConnection, insertConnectionIfMissing } from '@/db/queries/gateway-connections';
import { createMerchant } from '@/db/queries/merchants';
import { webhookEvents } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import { createOwnedTestApp, type TestApp } from '@/lib/api-keys/test-fixtures';
import { hashPassword } from '@/lib/auth/password';

// The JSON routes the Webhook events page and the Overview poll, through the real wrapper and session.
let database: Database;
let db: Db;
let owner: TestApp & { cookie: string; deliveryId: string };
let stranger: TestApp & { cookie: string; deliveryId: string };

const ORIGIN = 'http://dash.test';
type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function get(handler: Handler, page: string, path: string, params: Record<string, string>, cookie: string) {
  const request = new Request(`${ORIGIN}${path}`, { headers: { cookie, ...forwardedHeaders(ORIGIN) } });
  return inRequestScope(request, page, () => handler(request, { params: Promise.resolve(params) }));
}
const listEvents = (app: TestApp, search: string, cookie = owner.cookie) =>
  get(list.GET as Handler, '/api/apps/[appId]/webhook-events/route', `/api/apps/${app.publicId}/webhook-events${search}`, { appId: app.publicId }, cookie);
const oneEvent = (app: TestApp, deliveryId: string, cookie = owner.cookie) =>
  get(one.GET as Handler, '/api/apps/[appId]/webhook-events/[deliveryId]/route', `/api/apps/${app.publicId}/webhook-events/x`, { appId: app.publicId, deliveryId }, cookie);
const overviewOf = (app: TestApp, search: string, cookie = owner.cookie) =>
  get(overview.GET as Handler, '/api/apps/[appId]/overview/route', `/api/apps/${app.publicId}/overview${search}`, { appId: app.publicId }, cookie);

async function signedInMerchant(tag: string) {
  const email = `${tag}@example.com`;
  const password = `${tag}-password-0001`;
  const merchant = (await createMerchant(db, { email, passwordHash: await hashPassword(password) }))!;
  const app = await createOwnedTestApp(db, merchant.id);
  await insertConnectionIfMissing(db, { appId: app.appId, webhookEndpointId: `whe_${tag.padEnd(24, '0')}`, webhookSecret: 'sealed' });
  const connection = (await getConnection(db, { appId: app.appId }))!;
  const [row] = await db
    .insert(webhookEvents)
    .values({ appId: app.appId, connectionId: connection.id, gateway: 'razorpay', outcome: 'rejected', rejectionReason: 'missing_signature', rejectionDetail: { likelyCause: 'missing_signature', checks: [] }, headers: { 'user-agent': 'x' }, bodySha256: '0'.repeat(64), payload: '{"a":1}' })
    .returning({ id: webhookEvents.id });
  return { ...app, cookie: await signInCookie(ORIGIN, { email, password }), deliveryId: row!.id };
}

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  useAsAppDatabase(database);
  owner = await signedInMerchant('evowner');
  stranger = await signedInMerchant('evstranger');
});
afterAll(() => database.close());

describe('the Webhook events and Overview JSON routes', () => {
  it('list the app’s deliveries, one delivery in full, and the Overview figures', async () => {
    const page = await listEvents(owner, '?outcome=rejected');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const body = await page.json();
    expect(body).toMatchObject({ deliveries: [{ id: owner.deliveryId, outcome: 'rejected', likelyCause: 'missing_signature' }], olderCursor: null, newerCursor: null });
    expect(body.deliveries[0]).not.toHaveProperty('key');
    const detail = await oneEvent(owner, owner.deliveryId);
    expect(await detail.json()).toMatchObject({ id: owner.deliveryId, payload: '{"a":1}', headers: { 'user-agent': 'x' }, rejectionDetail: { likelyCause: 'missing_signature' } });
    const figures = await overviewOf(owner, '?mode=test');
    expect(await figures.json()).toMatchObject({ mode: 'test', days: expect.any(Array), health: { rejected24h: 1, latestRejection: { likelyCause: 'missing_signature' } } });
  });

  it.each([
    ['?outcome=exploded', /Unknown outcome/],
    ['?outcome=applied&outcome=rejected', /one outcome/],
    ['?type=%00', /event type/],
    [`?type=${'x'.repeat(5000)}`, /event type/],
    ['?cursor=%F0%9F%99%82', /page link/],
    [`?cursor=${'a'.repeat(100_000)}`, /page link/],
  ])('answers %s with a 400 and the reason', async (search, message) => {
    const response = await listEvents(owner, search);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(message) });
  });

  it('answers 400 to a mode that is neither test nor live', async () => {
    for (const search of ['?mode=prod', '?mode=test&mode=live', '?mode=%00']) {
      expect((await overviewOf(owner, search)).status).toBe(400);
    }
  });

  it("answers 404 for a malformed delivery id, and alike for another app's delivery and another merchant's app", async () => {
    for (const id of ['nope', 'x'.repeat(500), '00000000-0000-0000-0000-00000000000\u0000']) {
      expect((await oneEvent(owner, id)).status).toBe(404);
    }
    const theirs = await oneEvent(owner, stranger.deliveryId);
    expect(theirs.status).toBe(404);
    expect((await listEvents(stranger, '')).status).toBe(404);
    expect((await overviewOf(stranger, '')).status).toBe(404);
    // The stranger sees their own, never the owner's.
    const own = await (await listEvents(stranger, '', stranger.cookie)).json();
    expect(own.deliveries.map((d: { id: string }) => d.id)).toEqual([stranger.deliveryId]);
  });
});
