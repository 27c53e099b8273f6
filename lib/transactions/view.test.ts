import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv';
import { decodeCursor, encodeCursor } from './cursor';
import { istDayEnd, istDayStart, istToday, parseIsoDate } from './ist';
import { clearedView, hasFilters, parseTransactionView, viewSearch } from './view';

const parse = (query: string) => parseTransactionView(new URLSearchParams(query));

describe('parseTransactionView', () => {
  it('reads every parameter, and writes them back in one order', () => {
    const cursor = encodeCursor({ direction: 'next', createdAtMicros: '1767225600000000', id: 'ord_0123456789ABCDEF' });
    const { view, issues } = parse(`q=%20rcpt_1%20&to=2026-05-31&from=2026-05-01&method=upi&gateway=razorpay&status=paid&mode=live&cursor=${cursor}`);
    expect(issues).toEqual([]);
    expect(view).toEqual({ mode: 'live', status: 'paid', gateway: 'razorpay', method: 'upi', from: '2026-05-01', to: '2026-05-31', q: 'rcpt_1', cursor });
    expect(viewSearch(view)).toBe(`?mode=live&status=paid&gateway=razorpay&method=upi&from=2026-05-01&to=2026-05-31&q=rcpt_1&cursor=${cursor}`);
    expect(parse(viewSearch(view).slice(1)).view).toEqual(view);
    expect(hasFilters(view)).toBe(true);
    expect(clearedView(view)).toEqual({ mode: 'live' });
    expect(viewSearch({})).toBe('');
  });

  it('leaves out each bad parameter and says why, keeping the good ones', () => {
    const { view, issues } = parse('status=settled&mode=sandbox&gateway=stripe&method=cash&from=2026-02-30&to=yesterday&status2=x&q=ok');
    expect(view).toEqual({ q: 'ok' });
    expect(issues.map((i) => i.param).sort()).toEqual(['from', 'gateway', 'method', 'mode', 'status', 'to']);
    expect(issues.find((i) => i.param === 'status')!.message).toMatch(/must be one of created, processing, paid/);
  });

  it('refuses control characters, lone surrogates, huge searches, repeats and malformed cursors', () => {
    expect(parse('q=a%00b').issues).toEqual([{ param: 'q', message: expect.stringMatching(/control/) }]);
    expect(parseTransactionView({ q: 'a\uD800b' }).issues[0]!.param).toBe('q');
    expect(parse(`q=${'x'.repeat(255)}`).issues[0]!.message).toMatch(/at most 254/);
    expect(parse(`q=${'x'.repeat(254)}`).issues).toEqual([]);
    expect(parse('status=paid&status=failed').issues).toEqual([{ param: 'status', message: 'is given more than once' }]);
    for (const cursor of ['abc', '%00', 'x'.repeat(500), btoa('n1.ord_short'), btoa('x1.ord_0123456789ABCDEF'), btoa('n01.ord_0123456789ABCDEF')]) {
      expect(parse(`cursor=${encodeURIComponent(cursor)}`).issues.map((i) => i.param)).toEqual(['cursor']);
    }
    expect(parse('from=2026-05-02&to=2026-05-01')).toEqual({ view: {}, issues: [{ param: 'to', message: 'is before from' }] });
  });

  it('takes unicode searches as they are, and ignores empty parameters', () => {
    expect(parse('q=%E0%A4%91%E0%A4%B0%E0%A5%8D%E0%A4%A1%E0%A4%B0%20%F0%9F%A7%BE').view).toEqual({ q: 'ऑर्डर 🧾' });
    expect(parse('q=%20%20&status=&cursor=').view).toEqual({});
  });

  it('reads a Next.js searchParams object too', () => {
    expect(parseTransactionView({ status: 'paid', q: ['a', 'b'] })).toEqual({
      view: { status: 'paid' },
      issues: [{ param: 'q', message: 'is given more than once' }],
    });
  });
});

describe('cursor', () => {
  it('round-trips, and is opaque base64url', () => {
    const cursor = { direction: 'prev' as const, createdAtMicros: '1767225600123456', id: 'ord_abcdefABCDEF0123' };
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ ...cursor, createdAtMicros: '0' }))).toMatchObject({ createdAtMicros: '0' });
  });
});

describe('IST days', () => {
  it('start at 18:30 UTC the day before; `to` is inclusive', () => {
    expect(istDayStart('2026-05-14').toISOString()).toBe('2026-05-13T18:30:00.000Z');
    expect(istDayEnd('2026-05-14').toISOString()).toBe('2026-05-14T18:30:00.000Z');
    expect(istToday(new Date('2026-05-13T18:30:00Z'))).toBe('2026-05-14');
    expect(istToday(new Date('2026-05-13T18:29:59Z'))).toBe('2026-05-13');
  });

  it('accept real calendar dates only', () => {
    expect(parseIsoDate('2028-02-29')).not.toBeNull();
    for (const bad of ['2027-02-29', '2026-13-01', '2026-00-10', '1999-12-31', '2101-01-01', '2026-5-1', ' 2026-05-01']) {
      expect(parseIsoDate(bad)).toBeNull();
    }
  });
});

describe('CSV cells', () => {
  it('defuse formulas and quote what needs quoting', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+91 98765')).toBe("'+91 98765");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('1.00')).toBe('1.00');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['a', null, '=1'])).toBe("a,,'=1\r\n");
  });
});
