// First: it prepares the Node runtime the way Next's server does before any route module loads.
import { forwardedHeaders, inRequestScope, signInCookie, useAsAppDatabase } from '@/lib/api/owned-app-route.fixtures';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as list from '@/app/api/apps/[appId]/transactions/route';
import * as exportCsv from '@/app/api/apps/[appId]/transactions/export/route';
import * as detail from '@/app/api/apps/[appId]/transactions/[orderId]/route';
import * as event from '@/app/api/apps/[appId]/transactions/[orderId]/events/[eventId]/route';
import type { Database, Db } from '@/db/client';
import { createMerchant } from '@/db/queries/merchants';
import { orders, payments, webhookEvents } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import { createOwnedTestApp, markGatewayVerified, type TestApp } from '@/lib/api-keys/test-fixtures';
import { hashPassword } from '@/lib/auth/password';
import type { OrderDetailResponse, OrderEventResponse, TransactionListResponse } from './contract';

// The real route modules behind the real wrapper and a real next-auth session.
let database: Database;
let db: Db;
let session: string;
let owner: TestApp & { cookie: string };
let stranger: TestApp & { cookie: string };

const ORIGIN = 'http://dash.test';
type Handler = (request: Request, ctx: { params: Promise<{ appId: string }> }) => Promise<Response>;
const routes = {
  list: { page: '/api/apps/[appId]/transactions/route', handler: list.GET as Handler },
  export: { page: '/api/apps/[appId]/transactions/export/route', handler: exportCsv.GET as Handler },
  detail: { page: '/api/apps/[appId]/transactions/[orderId]/route', handler: detail.GET as Handler },
  event: { page: '/api/apps/[appId]/transactions/[orderId]/events/[eventId]/route', handler: event.GET as Handler },
};

function get(route: keyof typeof routes, params: Record<string, string>, query = '') {
  const headers = new Headers({ ...forwardedHeaders(ORIGIN), cookie: session });
  const request = new Request(`${ORIGIN}/api/apps/${params.appId}/transactions${query}`, { headers });
  const { page, handler } = routes[route];
  return inRequestScope(request, page, () => handler(request, { params: Promise.resolve(params as { appId: string }) }));
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(body).toMatchObject({ error: { code, message: expect.any(String) } });
  return body.error as { message: string; fieldErrors?: Record<string, string[]> };
}

async function signedInMerchant(tag: string) {
  const email = `${tag}@example.com`;
  const password = `${tag}-password-0001`;
  const merchant = (await createMerchant(db, { email, passwordHash: await hashPassword(password) }))!;
  const app = await createOwnedTestApp(db, merchant.id);
  return { ...app, cookie: await signInCookie(ORIGIN, { email, password }) };
}

const ORDER = 'ord_R0utes0000000001';
const LIVE_ORDER = 'ord_R0utesL1ve00001';
const THEIR_ORDER = 'ord_R0utesThe1rs001';
let eventId: string;
let theirEventId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  useAsAppDatabase(database);
  owner = await signedInMerchant('tx-owner');
  stranger = await signedInMerchant('tx-stranger');
  await markGatewayVerified(db, { appId: owner.appId, mode: 'live' });
  const base = { gateway: 'razorpay' as const, amount: 123_45, currency: 'INR', status: 'paid' as const };
  await db.insert(orders).values([
    { ...base, id: ORDER, appId: owner.appId, gatewayOrderId: 'order_routes1', mode: 'test', receipt: '=HYPERLINK("http://evil")', customerEmail: '+cmd@example.com', customerPhone: '-99', notes: { purpose: 'routes' } },
    { ...base, id: LIVE_ORDER, appId: owner.appId, gatewayOrderId: 'order_routes2', mode: 'live', receipt: 'rcpt,"quoted"' },
    { ...base, id: THEIR_ORDER, appId: stranger.appId, gatewayOrderId: 'order_routes3', mode: 'test' },
  ]);
  // Enough test orders for several export batches.
  await db.execute(sql`insert into orders (id, app_id, gateway, gateway_order_id, amount, currency, status, mode, created_at)
    select 'ord_Bulk' || lpad(g::text, 12, '0'), ${owner.appId}, 'razorpay', 'order_bulk' || g, 100, 'INR', 'created', 'test', now() - g * interval '1 minute'
    from generate_series(1, 1203) g`);
  await db.insert(payments).values({ appId: owner.appId, orderId: ORDER, gateway: 'razorpay', gatewayPaymentId: 'pay_routes1', method: 'upi', amount: 123_45, currency: 'INR', status: 'captured' });
  const [row] = await db
    .insert(webhookEvents)
    .values({ appId: owner.appId, gateway: 'razorpay', outcome: 'applied', eventType: 'payment.captured', gatewayOrderId: 'order_routes1', orderId: ORDER, bodySha256: 'a'.repeat(64), payload: '{"event":"payment.captured","html":"<script>alert(1)</script>"}', headers: { 'content-type': 'application/json' } })
    .returning({ id: webhookEvents.id });
  eventId = row!.id;
  const [theirs] = await db
    .insert(webhookEvents)
    .values({ appId: stranger.appId, gateway: 'razorpay', outcome: 'applied', eventType: 'payment.captured', gatewayOrderId: 'order_routes3', orderId: THEIR_ORDER, bodySha256: 'b'.repeat(64), payload: '{}' })
    .returning({ id: webhookEvents.id });
  theirEventId = theirs!.id;
});
afterAll(() => database.close());
beforeEach(() => {
  session = owner.cookie;
});

describe('GET /api/apps/:appId/transactions', () => {
  it('defaults to the verified credentials’ mode and pages with cursors', async () => {
    const live = (await (await get('list', { appId: owner.publicId })).json()) as TransactionListResponse;
    expect(live.mode).toBe('live');
    expect(live.rows.map((r) => r.id)).toEqual([LIVE_ORDER]);
    expect(live.rows[0]).toMatchObject({ amountLabel: '₹123.45', createdAtLabel: expect.stringMatching(/IST$/) });

    const test = (await (await get('list', { appId: owner.publicId }, '?mode=test')).json()) as TransactionListResponse;
    expect(test.rows).toHaveLength(25);
    expect(test.prevCursor).toBeNull();
    const next = (await (await get('list', { appId: owner.publicId }, `?mode=test&cursor=${test.nextCursor}`)).json()) as TransactionListResponse;
    expect(next.rows[0]!.id).not.toBe(test.rows[0]!.id);
    expect(next.prevCursor).not.toBeNull();
  });

  it('answers 400 with the reason for each bad parameter, never a 500', async () => {
    const cases: [string, RegExp][] = [
      ['?status=settled', /status must be one of/],
      ['?mode=sandbox', /mode must be test or live/],
      ['?cursor=not-a-cursor', /cursor is not a page/],
      ['?q=a%00b', /q contains control/],
      [`?q=${'x'.repeat(5000)}`, /q must be at most 254/],
      ['?from=2026-02-30', /from must be a date/],
      ['?from=2026-05-02&to=2026-05-01', /to is before from/],
      ['?status=paid&status=failed', /status is given more than once/],
      ['?method=%F0%9F%92%B8', /method must be one of/],
    ];
    for (const [query, message] of cases) {
      const error = await expectError(await get('list', { appId: owner.publicId }, query), 400, 'bad_request');
      expect(error.message).toMatch(message);
      expect(Object.keys(error.fieldErrors ?? {})).toHaveLength(1);
    }
  });

  it('is 404 for another merchant’s app', async () => {
    await expectError(await get('list', { appId: stranger.publicId }), 404, 'not_found');
    await expectError(await get('export', { appId: stranger.publicId }), 404, 'not_found');
  });
});

describe('GET /api/apps/:appId/transactions/export', () => {
  it('streams every row of the filtered view, mode included, with formulas defused', async () => {
    // A page cursor is ignored: the export is the whole view.
    const { nextCursor } = (await (await get('list', { appId: owner.publicId }, '?mode=test')).json()) as TransactionListResponse;
    const response = await get('export', { appId: owner.publicId }, `?mode=test&cursor=${nextCursor}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`attachment; filename="kspay-${owner.publicId}-test-transactions-\\d{4}-\\d{2}-\\d{2}\\.csv"`));
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('Order ID,Mode,Status,Amount,Refunded,Currency,Gateway,Gateway order ID,Method,')).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 1203 + 1);
    const ours = lines.find((l) => l.startsWith(ORDER))!;
    expect(ours).toContain(`,Test,PAID,123.45,0.00,INR,Razorpay,order_routes1,UPI,'+cmd@example.com,'-99,"'=HYPERLINK(""http://evil"")",`);
    expect(lines.some((l) => l.startsWith(LIVE_ORDER))).toBe(false);

    const live = await (await get('export', { appId: owner.publicId }, '?mode=live')).text();
    expect(live.trimEnd().split('\r\n')).toEqual([expect.stringContaining('Order ID'), expect.stringContaining(`${LIVE_ORDER},Live,PAID,123.45,0.00,INR,Razorpay,order_routes2,,,,"rcpt,""quoted""",`)]);

    const filtered = await (await get('export', { appId: owner.publicId }, '?mode=test&status=paid')).text();
    expect(filtered.trimEnd().split('\r\n')).toHaveLength(2);
    await expectError(await get('export', { appId: owner.publicId }, '?status=nope'), 400, 'bad_request');
  });
});

describe('GET /api/apps/:appId/transactions/:orderId (and its events)', () => {
  it('answers the order with its payments and timeline, and one event with its raw payload', async () => {
    const body = (await (await get('detail', { appId: owner.publicId, orderId: ORDER })).json()) as OrderDetailResponse;
    expect(body.order).toMatchObject({ id: ORDER, status: 'paid', method: 'upi', notes: { purpose: 'routes' } });
    expect(body.payments).toEqual([expect.objectContaining({ gatewayPaymentId: 'pay_routes1', status: 'captured', amountLabel: '₹123.45' })]);
    expect(body.timeline).toEqual([expect.objectContaining({ id: eventId, outcome: 'applied', source: 'webhook', eventType: 'payment.captured' })]);
    const one = (await (await get('event', { appId: owner.publicId, orderId: ORDER, eventId })).json()) as OrderEventResponse;
    expect(one.payload).toBe('{"event":"payment.captured","html":"<script>alert(1)</script>"}');
    expect(one.headers).toEqual({ 'content-type': 'application/json' });
  });

  it('is 404 for a malformed id, another merchant’s order, or an event of another order', async () => {
    for (const orderId of ['nope', 'ord_short', `${ORDER}x`, 'ord_\u0000000000000000', THEIR_ORDER, 'ord_0000000000000000']) {
      await expectError(await get('detail', { appId: owner.publicId, orderId }), 404, 'not_found');
    }
    await expectError(await get('detail', { appId: stranger.publicId, orderId: THEIR_ORDER }), 404, 'not_found');
    await expectError(await get('event', { appId: owner.publicId, orderId: ORDER, eventId: theirEventId }), 404, 'not_found');
    await expectError(await get('event', { appId: owner.publicId, orderId: LIVE_ORDER, eventId }), 404, 'not_found');
    await expectError(await get('event', { appId: owner.publicId, orderId: ORDER, eventId: 'not-a-uuid' }), 404, 'not_found');
  });
});
