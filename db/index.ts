import path from 'node:path';
import { env } from '@/lib/env';
import { type Database, openPglite, openPostgres } from './client';

export type { Db } from './client';

const globalForDb = globalThis as unknown as { ksPayDb?: Promise<Database> };

/** The process-wide database, picked from env and cached across hot reloads. */
export function getDatabase(): Promise<Database> {
  globalForDb.ksPayDb ??= env.DATABASE_URL
    ? openPostgres(env.DATABASE_URL)
    : openPglite(path.join(env.DATA_DIR, 'pglite'));
  return globalForDb.ksPayDb;
}

export async function getDb() {
  return (await getDatabase()).db;
}
