import { afterAll, beforeAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import { env } from '@/lib/env';
import { type Database, openPglite, openPostgres } from './client';

/**
 * A fresh, migrated database for one test file: PGlite in memory, or, with TEST_DATABASE_URL,
 * a new PostgreSQL database that is dropped on close.
 */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  if (!env.TEST_DATABASE_URL) return openPglite('memory://');
  const { default: postgres } = await import('postgres');
  const admin = postgres(env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  const name = `ks_test_${randomBytes(6).toString('hex')}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), { max: 5 });
  return {
    ...database,
    kind: 'postgres',
    /** For a second client of the same database (several instances). */
    url: url.toString(),
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Opens a fresh database for the test file (closed after it) and hands its handle to `use`. */
export function withTestDatabase(use: (db: Database['db']) => void) {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
    use(database.db);
  });
  afterAll(() => database?.close());
}
