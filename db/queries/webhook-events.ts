import { and, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { webhookEvents } from '../schema';

type NewDelivery = typeof webhookEvents.$inferInsert;

/** Rejected deliveries kept per connection: a stranger can fill no more than this. */
export const KEPT_REJECTED = 1000;

/** Records a rejected delivery and, in the same statement, drops the connection's older ones beyond the limit. */
export async function recordRejectedDelivery(db: Db, delivery: Omit<NewDelivery, 'outcome'> & { connectionId: string }) {
  // The statement sees the table as it was before its insert: keeping KEPT_REJECTED - 1 older rows
  // leaves KEPT_REJECTED with the new one.
  const inserted = db.$with('inserted').as(
    db.insert(webhookEvents).values({ ...delivery, outcome: 'rejected', dedupKey: null }).returning({ id: webhookEvents.id }),
  );
  await db
    .with(inserted)
    .delete(webhookEvents)
    .where(
      inArray(
        webhookEvents.id,
        db
          .select({ id: webhookEvents.id })
          .from(webhookEvents)
          .where(and(eq(webhookEvents.connectionId, delivery.connectionId), sql`${webhookEvents.outcome} = 'rejected'`))
          .orderBy(sql`${webhookEvents.receivedAt} desc`)
          .offset(KEPT_REJECTED - 1)
          .limit(100)
          // Concurrent rejections prune side by side instead of waiting on (or deadlocking over) each other's rows.
          .for('update', { skipLocked: true }),
      ),
    );
}

/**
 * When the connection's latest verified delivery (applied, duplicate, stale or ignored) arrived:
 * an index read, so no delivery has to write a row they all share.
 */
export async function getLastWebhookEventAt(db: Db, params: { connectionId: string }) {
  const [row] = await db
    .select({ at: max(webhookEvents.receivedAt) })
    .from(webhookEvents)
    .where(
      and(
        eq(webhookEvents.connectionId, params.connectionId),
        sql`${webhookEvents.outcome} <> 'rejected' and ${webhookEvents.source} = 'webhook'`,
      ),
    );
  return row?.at ?? null;
}

export async function listConnectionEvents(db: Db, params: { appId: string; connectionId: string }) {
  return db
    .select()
    .from(webhookEvents)
    .where(and(eq(webhookEvents.appId, params.appId), eq(webhookEvents.connectionId, params.connectionId)))
    .orderBy(webhookEvents.receivedAt);
}
