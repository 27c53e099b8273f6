import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'drizzle-kit';
import { env } from './lib/env';

// `drizzle-kit generate` needs no database; `migrate` is `npm run db:migrate` (in-process, so it never
// opens the embedded database while the app holds it).
mkdirSync(env.DATA_DIR, { recursive: true });

export default defineConfig({
  schema: './db/schema.ts',
  out: './db/migrations',
  dialect: 'postgresql',
  ...(env.DATABASE_URL
    ? { dbCredentials: { url: env.DATABASE_URL } }
    : { driver: 'pglite', dbCredentials: { url: path.join(env.DATA_DIR, 'pglite') } }),
});
