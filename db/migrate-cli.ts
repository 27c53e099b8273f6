import { env } from '@/lib/env';
import { openPglite, openPostgres } from './client';
import path from 'node:path';

// PGlite takes no lock on its directory: never run this while the app is using the embedded database.
const database = env.DATABASE_URL
  ? await openPostgres(env.DATABASE_URL, { max: 1 })
  : await openPglite(path.join(env.DATA_DIR, 'pglite'));
await database.close();
console.log(`Migrations applied (${database.kind}).`);
