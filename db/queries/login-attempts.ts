import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { loginAttempts } from '../schema';

export async function recordLoginAttempt(db: Db, params: { email: string; ip: string; succeeded: boolean }) {
  await db.insert(loginAttempts).values(params);
}

/**
 * Failures in the window: per email, counted since that email's last success (a successful
 * sign-in clears the count); per IP, all failures.
 */
export async function countRecentFailures(db: Db, params: { email: string; ip: string; since: Date }) {
  const lastSuccess = sql`coalesce((select max(${loginAttempts.createdAt}) from ${loginAttempts}
    where ${loginAttempts.email} = ${params.email} and ${loginAttempts.succeeded}), ${params.since.toISOString()}::timestamptz)`;
  const [byEmail] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, params.email),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.createdAt, params.since),
        sql`${loginAttempts.createdAt} > ${lastSuccess}`,
      ),
    );
  const [byIp] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, params.ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, params.since)));
  return { byEmail: byEmail?.n ?? 0, byIp: byIp?.n ?? 0 };
}

/** Old attempts only matter for the window; trimmed opportunistically. */
export async function pruneLoginAttempts(db: Db, params: { before: Date }) {
  await db.delete(loginAttempts).where(sql`${loginAttempts.createdAt} < ${params.before.toISOString()}::timestamptz`);
}
