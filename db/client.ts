import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Schema = typeof schema;
/** A database handle or a transaction: every query takes one of these first. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type Database = { db: Db; kind: 'pglite' | 'postgres'; close(): Promise<void> };

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Opens PostgreSQL at `url`, taking an advisory lock so that parallel instances migrate once. */
export async function openPostgres(url: string, opts: { migrate?: boolean; max?: number } = {}): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  if (opts.migrate !== false) {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const one = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await one`select pg_advisory_lock(7245110)`;
      await migrate(drizzle(one), { migrationsFolder });
    } finally {
      await one.end();
    }
  }
  const client = postgres(url, { max: opts.max ?? 10, onnotice: () => {} });
  return { db: drizzle(preparing(client), { schema }) as unknown as Db, kind: 'postgres', close: () => client.end() };
}

type Sql = import('postgres').Sql;

/**
 * The client with every query a server-side prepared statement. drizzle sends its queries with
 * `prepare: false` (only `.prepare(name)` queries are prepared), and postgres.js runs an unprepared
 * query with parameters in two round trips: Parse + Describe to learn the parameter types, then
 * Bind + Execute. Prepared, a query is described once per connection and then costs one round trip
 * (and no parse or plan). Transactions and savepoints hand their callbacks a client: wrapped too.
 */
function preparing<S extends Sql>(sql: S): S {
  const inside = (args: unknown[]) => args.map((arg) => (typeof arg === 'function' ? (tx: Sql) => arg(preparing(tx)) : arg));
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        return (query: string, params?: unknown[], options?: object) => target.unsafe(query, params as never, { ...options, prepare: true });
      }
      if (prop === 'begin' || prop === 'savepoint') {
        return (...args: unknown[]) => (Reflect.get(target, prop) as (...a: unknown[]) => unknown)(...inside(args));
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** Opens embedded PGlite in `dir` (or in memory with `memory://`) and applies the migrations. */
export async function openPglite(dir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  // PGlite creates its data directory non-recursively.
  if (!dir.startsWith('memory://')) mkdirSync(path.dirname(dir), { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() };
}
