import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadDeliveryDetail, loadDeliveryPage } from '@/lib/webhooks/delivery-page';
import { DELIVERIES_PER_PAGE, encodeCursor, parseDeliveryQuery } from '@/lib/webhooks/delivery-query';
import type { Db } from '../client';
import { type DeliveryOutcome, webhookEvents } from '../schema';
import { withTestDatabase } from '../test-db';
import { createApp, getApp } from './apps';
import { getConnection, insertConnectionIfMissing } from './gateway-connections';
import { createMerchant } from './merchants';
import { getDelivery, getRecentRejections, listDeliveries } from './webhook-event-log';

let db: Db;
withTestDatabase((handle) => (db = handle));

async function newApp() {
  const merchantId = (await createMerchant(db, { email: `log-${randomBytes(4).toString('hex')}@example.com`, passwordHash: 'x' }))!.id;
  const created = await createApp(db, { merchantId, name: 'Log Shop', email: 'l@example.com', country: 'IN' });
  const app = (await getApp(db, { merchantId, publicId: created.publicId }))!;
  await insertConnectionIfMissing(db, { appId: app.id, webhookEndpointId: `whe_${randomBytes(12).toString('hex')}`, webhookSecret: 'sealed' });
  const connection = (await getConnection(db, { appId: app.id }))!;
  return { appId: app.id, connectionId: connection.id };
}

type Row = { at: Date; outcome?: DeliveryOutcome; eventType?: string; cause?: string };
async function insertRows(app: { appId: string; connectionId: string }, rows: Row[]) {
  const inserted = await db
    .insert(webhookEvents)
    .values(
      rows.map((r) => ({
        appId: app.appId,
        connectionId: app.connectionId,
        gateway: 'razorpay' as const,
        outcome: r.outcome ?? 'applied',
        eventType: r.eventType ?? 'payment.captured',
        rejectionReason: r.outcome === 'rejected' ? 'signature_mismatch' : null,
        rejectionDetail: r.cause ? { likelyCause: r.cause as 'rotated_secret', checks: [] } : null,
        bodySha256: '0'.repeat(64),
        payload: '{}',
        receivedAt: r.at,
      })),
    )
    .returning({ id: webhookEvents.id });
  return inserted.map((r) => r.id);
}

/** Reads every page forwards through the cursors, then back, and returns the ids of each. */
async function walk(appId: string, query: Parameters<typeof loadDeliveryPage>[2] = {}) {
  const forward: string[][] = [];
  let page = await loadDeliveryPage(db, appId, query, {});
  expect(page.newerCursor).toBeNull();
  forward.push(page.deliveries.map((d) => d.id));
  while (page.olderCursor) {
    page = await loadDeliveryPage(db, appId, query, parseDeliveryQuery({ cursor: page.olderCursor }).page);
    forward.push(page.deliveries.map((d) => d.id));
  }
  const backward: string[][] = [page.deliveries.map((d) => d.id)];
  while (page.newerCursor) {
    page = await loadDeliveryPage(db, appId, query, parseDeliveryQuery({ cursor: page.newerCursor }).page);
    backward.unshift(page.deliveries.map((d) => d.id));
  }
  return { forward, backward };
}

describe('the Webhook events page queries', () => {
  it('pages newest first through ties on received_at (microseconds kept), forwards and back, without loss or repeat', async () => {
    const app = await newApp();
    const base = Date.parse('2026-11-01T00:00:00Z');
    // 60 rows: groups of three share one instant, so only the id orders them.
    const rows = Array.from({ length: 60 }, (_, i) => ({ at: new Date(base + Math.floor(i / 3) * 1000) }));
    await insertRows(app, rows);
    const { forward, backward } = await walk(app.appId);
    expect(forward.map((p) => p.length)).toEqual([DELIVERIES_PER_PAGE, DELIVERIES_PER_PAGE, 10]);
    expect(new Set(forward.flat()).size).toBe(60);
    expect(backward).toEqual(forward);
    const all = await listDeliveries(db, { appId: app.appId, limit: 100 });
    expect(all.rows.map((r) => r.id)).toEqual(forward.flat());
    const times = all.rows.map((r) => r.receivedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('keys keep microseconds: rows a microsecond apart are neither skipped nor repeated', async () => {
    const app = await newApp();
    const ids = await insertRows(app, Array.from({ length: 30 }, () => ({ at: new Date('2026-11-02T00:00:00Z') })));
    await db.execute(
      // Spread the rows one microsecond apart, below what a JS Date can hold.
      sql`update webhook_events set received_at = received_at + (select count(*) from webhook_events w2 where w2.app_id = webhook_events.app_id and w2.id < webhook_events.id) * interval '1 microsecond' where app_id = ${app.appId}`,
    );
    const { forward } = await walk(app.appId);
    expect(forward.flat().sort()).toEqual([...ids].sort());
    expect(forward.map((p) => p.length)).toEqual([DELIVERIES_PER_PAGE, 5]);
  });

  it('filters by outcome and by event type; the first and last pages know where they are; an empty page is empty', async () => {
    const app = await newApp();
    const at = (m: number) => new Date(Date.parse('2026-11-03T00:00:00Z') + m * 60_000);
    await insertRows(app, [
      { at: at(1), outcome: 'applied', eventType: 'payment.captured' },
      { at: at(2), outcome: 'rejected', eventType: 'payment.failed', cause: 'rotated_secret' },
      { at: at(3), outcome: 'duplicate', eventType: 'payment.captured' },
      { at: at(4), outcome: 'rejected', eventType: 'payment.captured', cause: 'key_secret_used' },
    ]);
    const rejected = await loadDeliveryPage(db, app.appId, { outcome: 'rejected' }, {});
    expect(rejected.deliveries.map((d) => [d.outcome, d.likelyCause])).toEqual([['rejected', 'key_secret_used'], ['rejected', 'rotated_secret']]);
    expect(rejected).toMatchObject({ olderCursor: null, newerCursor: null });
    const captured = await loadDeliveryPage(db, app.appId, { eventType: 'payment.captured' }, {});
    expect(captured.deliveries.map((d) => d.outcome)).toEqual(['rejected', 'duplicate', 'applied']);
    const both = await loadDeliveryPage(db, app.appId, { outcome: 'rejected', eventType: 'payment.failed' }, {});
    expect(both.deliveries).toHaveLength(1);
    expect((await loadDeliveryPage(db, app.appId, { outcome: 'stale' }, {})).deliveries).toEqual([]);
    // A cursor made under another filter still reads a consistent page of this one.
    const [newest] = (await listDeliveries(db, { appId: app.appId, limit: 1 })).rows;
    const cursor = encodeCursor('older', { at: newest!.key, id: newest!.id });
    const older = await loadDeliveryPage(db, app.appId, { eventType: 'payment.captured' }, parseDeliveryQuery({ cursor }).page);
    expect(older.deliveries.map((d) => d.outcome)).toEqual(['duplicate', 'applied']);
    expect(older).toMatchObject({ olderCursor: null, newerCursor: expect.any(String) });
  });

  it('a rejected delivery shows the event id its headers and the event type its body claim', async () => {
    const app = await newApp();
    await db.insert(webhookEvents).values([
      { appId: app.appId, gateway: 'razorpay', outcome: 'rejected', rejectionReason: 'signature_mismatch', headers: { 'x-razorpay-event-id': 'evt_claimed' }, rejectionDetail: { likelyCause: 'rotated_secret', checks: [], claimedEventType: 'payment.failed' }, bodySha256: '0'.repeat(64), payload: '{}' },
      { appId: app.appId, gateway: 'cashfree', outcome: 'rejected', rejectionReason: 'missing_signature', headers: { 'x-idempotency-key': 'cf_claimed' }, bodySha256: '0'.repeat(64), payload: '{}', receivedAt: new Date(Date.now() - 1000) },
    ]);
    const { deliveries } = await loadDeliveryPage(db, app.appId, {}, {});
    expect(deliveries.map((d) => [d.eventId, d.eventType])).toEqual([['evt_claimed', 'payment.failed'], ['cf_claimed', null]]);
  });

  it("never shows another app's rows; one delivery by id is checked against the app", async () => {
    const mine = await newApp();
    const theirs = await newApp();
    const [myId] = await insertRows(mine, [{ at: new Date() }]);
    const [theirId] = await insertRows(theirs, [{ at: new Date(), outcome: 'rejected', cause: 'rotated_secret' }]);
    expect((await loadDeliveryPage(db, mine.appId, {}, {})).deliveries.map((d) => d.id)).toEqual([myId]);
    expect((await loadDeliveryPage(db, mine.appId, { outcome: 'rejected' }, {})).deliveries).toEqual([]);
    expect(await getDelivery(db, { appId: mine.appId, deliveryId: theirId! })).toBeNull();
    expect(await loadDeliveryDetail(db, mine.appId, theirId!)).toBeNull();
    expect(await loadDeliveryDetail(db, mine.appId, 'not-a-uuid')).toBeNull();
    expect(await loadDeliveryDetail(db, mine.appId, myId!)).toMatchObject({ id: myId, payload: '{}', headers: {}, outcome: 'applied' });
  });

  it('counts the rejections of the last 24 hours and names the latest one’s cause', async () => {
    const app = await newApp();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
    await insertRows(app, [
      { at: hoursAgo(30), outcome: 'rejected', cause: 'missing_signature' },
      { at: hoursAgo(5), outcome: 'rejected', cause: 'rotated_secret' },
      { at: hoursAgo(1), outcome: 'rejected', cause: 'key_secret_used' },
      { at: hoursAgo(0.5), outcome: 'applied' },
    ]);
    const recent = await getRecentRejections(db, { connectionId: app.connectionId, hours: 24 });
    expect(recent).toMatchObject({ count: 2, latest: { likelyCause: 'key_secret_used', reason: 'signature_mismatch' } });
    const none = await newApp();
    expect(await getRecentRejections(db, { connectionId: none.connectionId, hours: 24 })).toEqual({ count: 0, latest: null });
  });
});

describe('parseDeliveryQuery: bad input is dropped with a reason, never a crash', () => {
  it.each([
    [{ outcome: 'exploded' }, /Unknown outcome/],
    [{ outcome: ['applied', 'rejected'] }, /one outcome/],
    [{ type: 'a\u0000b' }, /event type/],
    [{ type: 'x'.repeat(65) }, /event type/],
    [{ type: 'payment captured' }, /event type/],
    [{ cursor: 'garbage' }, /page link/],
    [{ cursor: Buffer.from('["o","2026-11-01T00:00:00.000000Z","nope"]').toString('base64url') }, /page link/],
    [{ cursor: Buffer.from('["x","2026-11-01T00:00:00.000000Z","00000000-0000-0000-0000-000000000000"]').toString('base64url') }, /page link/],
    [{ cursor: 'a'.repeat(10_000) }, /page link/],
    [{ type: '🙂' }, /event type/],
  ])('%j', (params, message) => {
    const { query, errors } = parseDeliveryQuery(params);
    expect(query).toEqual({});
    expect(errors).toEqual([expect.stringMatching(message)]);
  });

  it('keeps what is valid', () => {
    expect(parseDeliveryQuery(new URLSearchParams('outcome=rejected&type=payment.captured'))).toEqual({
      query: { outcome: 'rejected', eventType: 'payment.captured' },
      page: {},
      errors: [],
    });
  });
});
