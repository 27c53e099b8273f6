// First: it prepares the Node runtime the way Next's server does before any route module loads.
import { forwardedHeaders, inRequestScope, signInCookie, useAsAppDatabase } from '@/lib/api/owned-app-route.fixtures';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as overview from '@/app/api/apps/[appId]/overview/route';
import * as list from '@/app/api/apps/[appId]/webhook-endpoints/[endpointId]/deliveries/route';
import * as one from '@/app/api/apps/[appId]/webhook-endpoints/[endpointId]/deliveries/[eventId]/route';
import type { Database, Db } from '@/db/client';
import { listFailingEndpoints } from '@/db/queries/merchant-webhook-endpoints';
import { createMerchant } from '@/db/queries/merchants';
import { merchantEvents, outboundDeliveries } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import { createOwnedTestApp, type TestApp } from '@/lib/api-keys/test-fixtures';
import { hashPassword } from '@/lib/auth/password';
import { newEventId } from './catalogue';
import { DELIVERIES_PER_PAGE } from './delivery-log';
import { createEndpoint, sendTestEvent } from './endpoints';
import { deliverDue, workerSettings } from './worker';

// The JSON routes the endpoint page polls and the Overview's endpoint health, through the real
// session wrapper, with attempts made by the real worker against a receiver in this process.
let database: Database;
let db: Db;
let receiver: Server;
let answer = 500;
const received: IncomingHttpHeaders[] = [];

const ORIGIN = 'http://dash.test';
type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Merchant = TestApp & { cookie: string; endpointId: string };
let owner: Merchant;
let stranger: Merchant;

function get(handler: Handler, page: string, path: string, params: Record<string, string>, cookie: string) {
  const request = new Request(`${ORIGIN}${path}`, { headers: { cookie, ...forwardedHeaders(ORIGIN) } });
  return inRequestScope(request, page, () => handler(request, { params: Promise.resolve(params) }));
}
const deliveries = (app: TestApp, endpointId: string, search = '', cookie = owner.cookie) =>
  get(
    list.GET as Handler,
    '/api/apps/[appId]/webhook-endpoints/[endpointId]/deliveries/route',
    `/api/apps/${app.publicId}/webhook-endpoints/${endpointId}/deliveries${search}`,
    { appId: app.publicId, endpointId },
    cookie,
  );
const delivery = (app: TestApp, endpointId: string, eventId: string, cookie = owner.cookie) =>
  get(
    one.GET as Handler,
    '/api/apps/[appId]/webhook-endpoints/[endpointId]/deliveries/[eventId]/route',
    `/api/apps/${app.publicId}/webhook-endpoints/${endpointId}/deliveries/${eventId}`,
    { appId: app.publicId, endpointId, eventId },
    cookie,
  );
const overviewOf = (app: TestApp, cookie = owner.cookie) =>
  get(overview.GET as Handler, '/api/apps/[appId]/overview/route', `/api/apps/${app.publicId}/overview`, { appId: app.publicId }, cookie);

async function signedInMerchant(tag: string, url: string): Promise<Merchant> {
  const email = `${tag}@example.com`;
  const password = `${tag}-password-0001`;
  const merchant = (await createMerchant(db, { email, passwordHash: await hashPassword(password) }))!;
  const app = await createOwnedTestApp(db, merchant.id);
  const { endpoint } = await createEndpoint(db, { appId: app.appId, mode: 'test' }, { url, events: ['*'] }, { merchantId: merchant.id });
  return { ...app, cookie: await signInCookie(ORIGIN, { email, password }), endpointId: endpoint.id };
}

const settings = () => workerSettings({ allowPrivate: true, timeoutMs: 2_000, schedule: [60, 60] });

beforeAll(async () => {
  receiver = createServer((request, response) => {
    received.push(request.headers);
    request.resume();
    request.on('end', () => response.writeHead(answer, { 'content-type': 'text/html' }).end('<b>not html</b>'));
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  database = await openTestDatabase();
  db = database.db;
  useAsAppDatabase(database);
  owner = await signedInMerchant('whowner', url);
  stranger = await signedInMerchant('whstranger', url);
});
afterAll(async () => {
  await database.close();
  await new Promise((resolve) => receiver.close(resolve));
});

describe("an endpoint's delivery log and health", () => {
  it('shows a failed attempt as the worker recorded it, the retry, and the endpoint as failing on the Overview', async () => {
    const healthy = await (await overviewOf(owner)).json();
    expect(healthy.endpoints).toEqual({ total: 1, failing: [] });

    const eventId = await sendTestEvent(db, { appId: owner.appId, id: owner.endpointId });
    answer = 500;
    expect(await deliverDue(db, settings())).toBe(1);
    expect(received.at(-1)).toMatchObject({ 'webhook-id': eventId, 'webhook-signature': expect.stringMatching(/^v1,/) });

    const page = await deliveries(owner, owner.endpointId);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const body = await page.json();
    expect(body.endpoint).toMatchObject({ id: owner.endpointId, enabled: true, failingSince: expect.any(String) });
    expect(body.endpoint).not.toHaveProperty('secretSealed');
    expect(body.deliveries).toEqual([
      expect.objectContaining({ eventId, eventType: 'webhook.test', status: 'pending', attempts: 1, inFlight: false, lastResponseStatus: 500, nextAttemptAt: expect.any(String) }),
    ]);
    expect(body.deliveries[0]).not.toHaveProperty('key');

    const detail = await (await delivery(owner, owner.endpointId, eventId)).json();
    expect(detail).toMatchObject({ eventId, attempts: 1, payload: expect.stringContaining(eventId) });
    expect(detail.attemptLog).toEqual([
      expect.objectContaining({
        number: 1,
        status: 'failed',
        responseStatus: 500,
        responseBody: '<b>not html</b>',
        requestHeaders: expect.objectContaining({ 'webhook-id': eventId, 'webhook-timestamp': expect.stringMatching(/^\d+$/) }),
        durationMs: expect.any(Number),
      }),
    ]);

    const failing = (await (await overviewOf(owner)).json()).endpoints;
    expect(failing).toMatchObject({ total: 1, failing: [{ id: owner.endpointId, enabled: true, disabledReason: null, failingSince: expect.any(String) }] });
  });

  it('lists an endpoint disabled by a 410 among the failing ones, with its reason', async () => {
    await sendTestEvent(db, { appId: stranger.appId, id: stranger.endpointId });
    answer = 410;
    expect(await deliverDue(db, settings())).toBe(1);
    expect(await listFailingEndpoints(db, { appId: stranger.appId })).toEqual([
      expect.objectContaining({ id: stranger.endpointId, enabled: false, disabledReason: 'gone', disabledAt: expect.any(Date) }),
    ]);
    // The delivery waits, pending, for the endpoint to be enabled again.
    const body = await (await deliveries(stranger, stranger.endpointId, '?status=pending', stranger.cookie)).json();
    expect(body.endpoint).toMatchObject({ enabled: false, disabledReason: 'gone' });
    expect(body.deliveries).toEqual([expect.objectContaining({ status: 'pending', lastResponseStatus: 410 })]);
    expect((await (await deliveries(stranger, stranger.endpointId, '?status=failed', stranger.cookie)).json()).deliveries).toEqual([]);
  });

  it('pages by a microsecond keyset: rows created within one millisecond are neither skipped nor repeated', async () => {
    const ids = Array.from({ length: 30 }, () => newEventId());
    await db.insert(merchantEvents).values(ids.map((id) => ({ id, appId: owner.appId, mode: 'test' as const, type: 'order.paid' as const, payload: '{}' })));
    // 30 deliveries in the same millisecond, a microsecond apart: a JS Date cursor would lose them.
    await db.insert(outboundDeliveries).values(
      ids.map((eventId, i) => ({
        eventId,
        endpointId: owner.endpointId,
        appId: owner.appId,
        eventType: 'order.paid' as const,
        status: 'succeeded' as const,
        createdAt: sql`'2026-01-01T00:00:00.123000Z'::timestamptz + ${i} * interval '1 microsecond'`,
      })),
    );
    const first = await (await deliveries(owner, owner.endpointId, '?type=order.paid')).json();
    expect(first.deliveries).toHaveLength(DELIVERIES_PER_PAGE);
    expect(first.olderCursor).toEqual(expect.any(String));
    const second = await (await deliveries(owner, owner.endpointId, `?type=order.paid&cursor=${first.olderCursor}`)).json();
    expect(second.olderCursor).toBeNull();
    const seen = [...first.deliveries, ...second.deliveries].map((d: { eventId: string }) => d.eventId);
    expect(seen).toEqual([...ids].reverse());
    const succeeded = await (await deliveries(owner, owner.endpointId, '?status=succeeded')).json();
    expect(succeeded.deliveries.every((d: { status: string }) => d.status === 'succeeded')).toBe(true);
  });

  it.each([
    ['?status=exploded', /Unknown status/],
    ['?status=failed&status=pending', /one status/],
    ['?type=invoice.paid', /Unknown event type/],
    ['?type=%00', /Unknown event type/],
    ['?cursor=%F0%9F%99%82', /page link/],
    [`?cursor=${'a'.repeat(100_000)}`, /page link/],
  ])('answers %s with a 400 and the reason', async (search, message) => {
    const response = await deliveries(owner, owner.endpointId, search);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(message) });
  });

  it("answers 404 for a malformed id, another app's endpoint or delivery, and another merchant's app", async () => {
    for (const id of ['nope', 'we_short', `we_${'x'.repeat(500)}`]) expect((await deliveries(owner, id)).status).toBe(404);
    expect((await deliveries(owner, stranger.endpointId)).status).toBe(404);
    expect((await deliveries(stranger, stranger.endpointId)).status).toBe(404);
    const theirs = (await (await deliveries(stranger, stranger.endpointId, '', stranger.cookie)).json()).deliveries[0].eventId;
    expect((await delivery(owner, owner.endpointId, theirs)).status).toBe(404);
    expect((await delivery(owner, stranger.endpointId, theirs)).status).toBe(404);
    expect((await delivery(owner, owner.endpointId, 'evt_nope')).status).toBe(404);
  });
});
