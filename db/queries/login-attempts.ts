import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { loginAttempts } from '../schema';

type Key = { email: string; ip: string };

/**
 * Serialises attempts on this email and on this client until the transaction ends (email first,
 * then IP, always in that order, so two transactions never wait on each other in a cycle).
 */
export async function lockLoginKeys(tx: Db, params: Key) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login:email:${params.email}`}, 0))`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login:ip:${params.ip}`}, 0))`);
}

/**
 * Attempts in the window that did not succeed (still being checked counts as failed): for the email
 * and for the (email, IP) pair since the email's last success (a success clears them); for the IP,
 * across all emails. `lastForEmail` is the newest of the email's counted attempts.
 */
export async function countRecentFailures(db: Db, params: Key & { since: Date }) {
  const since = params.since.toISOString();
  const cutoff = sql`greatest(${since}::timestamptz, coalesce((select max(${loginAttempts.createdAt}) from ${loginAttempts}
    where ${loginAttempts.email} = ${params.email} and ${loginAttempts.succeeded}), ${since}::timestamptz))`;
  const [byEmail] = await db
    .select({
      email: sql<number>`count(*)::int`,
      pair: sql<number>`(count(*) filter (where ${loginAttempts.ip} = ${params.ip}))::int`,
      lastForEmail: sql<string | Date | null>`max(${loginAttempts.createdAt})`,
    })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, params.email),
        sql`${loginAttempts.succeeded} is not true`,
        sql`${loginAttempts.createdAt} > ${cutoff}`,
      ),
    );
  const [byIp] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.ip, params.ip),
        sql`${loginAttempts.succeeded} is not true`,
        sql`${loginAttempts.createdAt} > ${since}::timestamptz`,
      ),
    );
  return {
    email: byEmail?.email ?? 0,
    pair: byEmail?.pair ?? 0,
    ip: byIp?.n ?? 0,
    lastForEmail: byEmail?.lastForEmail ? new Date(byEmail.lastForEmail) : null,
  };
}

/** Reserves an attempt before its password check: it counts as a failure until `finishLoginAttempt`. */
export async function insertLoginAttempt(db: Db, params: Key & { at: Date }) {
  const [row] = await db
    .insert(loginAttempts)
    .values({ email: params.email, ip: params.ip, succeeded: null, createdAt: params.at })
    .returning({ id: loginAttempts.id });
  return row!.id;
}

export async function finishLoginAttempt(db: Db, params: { id: string; succeeded: boolean }) {
  await db.update(loginAttempts).set({ succeeded: params.succeeded }).where(eq(loginAttempts.id, params.id));
}

/** Deletes attempts older than `before`: they no longer count. */
export async function pruneLoginAttempts(db: Db, params: { before: Date }) {
  await db.delete(loginAttempts).where(lt(loginAttempts.createdAt, params.before));
}
