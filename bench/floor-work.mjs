// The floors' work, one function for both (the bare Node server and the minimal App Router route)
// so that they differ only in the server around it: the raw body's HMAC checked in constant time,
// then one insert, deduplicated on the body's hash.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const FLOOR_MAX_BYTES = 1024 * 1024;

/** `(rawBody: Buffer, signatureHeader, eventIdHeader) => { status, body }`, storing into `table`. */
export function floorWork(sql, { secret, table }) {
  return async (raw, signature, eventId) => {
    const given = Buffer.from(String(signature ?? ''), 'hex');
    const expected = createHmac('sha256', secret).update(raw).digest();
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: 401, body: '{"outcome":"rejected"}' };
    await sql`insert into ${sql(table)} (body_sha256, event_id, payload)
      values (${createHash('sha256').update(raw).digest('hex')}, ${String(eventId)}, ${raw.toString('utf8')})
      on conflict (body_sha256) do nothing`;
    return { status: 200, body: '{"outcome":"applied"}' };
  };
}

export const floorTableSql = (table) =>
  `create table ${table} (id bigserial primary key, body_sha256 char(64) not null unique, event_id text not null, payload text not null, received_at timestamptz not null default now())`;
