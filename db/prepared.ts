import type { Db } from './client';

/**
 * Runs fixed SQL text with positional parameters on a database or a transaction and returns each
 * row's single column. For hot paths (webhooks, the merchant API's bookkeeping): no query is built
 * per call. On postgres.js it is a server-side prepared statement, as every query is there (see
 * `openPostgres`): PostgreSQL parses and plans it once per connection. Cast every parameter in the
 * text (`$1::uuid`, `$2::text::gateway_name`): both drivers then send them as the types PostgreSQL
 * infers from those casts.
 */
export async function preparedValues<T>(db: Db, name: string, text: string, params: unknown[]): Promise<T[]> {
  const query = db._.session.prepareQuery<{ execute: T[]; all: unknown; values: unknown }>(
    { sql: text, params },
    undefined,
    name,
    true,
    (rows) => rows.map((row) => row[0] as T),
  );
  return query.execute();
}
