import { sql } from 'drizzle-orm';
import type { Db } from '../client';

/** A round trip to the database, for the health check. */
export async function pingDatabase(db: Db) {
  await db.execute(sql`select 1`);
}
