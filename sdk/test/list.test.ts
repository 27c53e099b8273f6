import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KsPay } from '../src/index.js';
import { order, send, startServer } from './server.js';

// 25 orders, newest first, served with Stripe-style cursors as the API does.
const all = Array.from({ length: 25 }, (_, i) => order(`ord_${String(25 - i).padStart(2, '0')}`));
let server: Awaited<ReturnType<typeof startServer>>;
let kspay: KsPay;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const query = new URL(req.url, 'http://x').searchParams;
    const limit = Number(query.get('limit') ?? 10);
    const after = query.get('starting_after');
    const before = query.get('ending_before');
    let data: typeof all;
    let hasMore: boolean;
    if (before) {
      const end = all.findIndex((o) => o.id === before);
      data = all.slice(Math.max(0, end - limit), end);
      hasMore = end - limit > 0;
    } else {
      const start = after ? all.findIndex((o) => o.id === after) + 1 : 0;
      data = all.slice(start, start + limit);
      hasMore = start + limit < all.length;
    }
    send(res, 200, { object: 'list', data, has_more: hasMore });
  });
  kspay = new KsPay({ secretKey: 'sk_test_x', baseUrl: server.url });
});
afterAll(() => server.close());

describe('orders.list', () => {
  it('awaited, it is one page with its filters in the query', async () => {
    const page = await kspay.orders.list({ limit: 10, status: 'PAID', created_gte: new Date('2026-11-01T00:00:00Z') });
    expect(page.data.map((o) => o.id)).toEqual(all.slice(0, 10).map((o) => o.id));
    expect(page.has_more).toBe(true);
    const query = new URL(server.seen.at(-1)!.url, 'http://x').searchParams;
    expect(Object.fromEntries(query)).toEqual({ limit: '10', status: 'PAID', created_gte: '2026-11-01T00:00:00.000Z' });
  });

  it('iterated, it walks every page forward exactly once', async () => {
    const before = server.seen.length;
    const ids: string[] = [];
    for await (const o of kspay.orders.list({ limit: 10 })) ids.push(o.id);
    expect(ids).toEqual(all.map((o) => o.id));
    expect(server.seen.length - before).toBe(3);
  });

  it('from ending_before, it walks backward towards the newest', async () => {
    const ids: string[] = [];
    for await (const o of kspay.orders.list({ limit: 4, ending_before: 'ord_11' })) ids.push(o.id);
    expect(ids).toEqual(all.slice(0, all.findIndex((o) => o.id === 'ord_11')).reverse().map((o) => o.id));
  });

  it('toArray stops at its limit', async () => {
    const items = await kspay.orders.list({ limit: 10 }).toArray({ limit: 12 });
    expect(items).toHaveLength(12);
  });

  it('an empty list ends at once', async () => {
    const ids: string[] = [];
    for await (const o of kspay.orders.list({ starting_after: 'ord_01' })) ids.push(o.id);
    expect(ids).toEqual([]);
  });
});
