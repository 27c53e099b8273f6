import type { Db } from './client';

/**
 * Runs fixed SQL text with positional parameters on a database or a transaction and returns each
 * row's single column. For the webhook hot path: no query is built per call, and a named query is
 * a server-side prepared statement on postgres.js (PostgreSQL parses and plans it once per
 * connection), where drizzle's builder sends every query unnamed. Cast every parameter in the
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
