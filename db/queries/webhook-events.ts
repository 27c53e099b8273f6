import { eq, max, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { webhookEvents } from '../schema';

/**
 * Stores a verified event once per (app, gateway, event id); a retry only bumps its delivery count.
 * Returns whether this delivery was the first.
 */
export async function storeWebhookEvent(db: Db, event: typeof webhookEvents.$inferInsert) {
  const [row] = await db
    .insert(webhookEvents)
    .values(event)
    .onConflictDoUpdate({
      target: [webhookEvents.appId, webhookEvents.gateway, webhookEvents.eventId],
      set: { deliveries: sql`${webhookEvents.deliveries} + 1`, lastReceivedAt: sql`now()` },
    })
    .returning({ deliveries: webhookEvents.deliveries });
  return { first: row!.deliveries === 1 };
}

/** When the connection's latest event arrived (an index-only read, so no delivery writes a shared row). */
export async function getLastWebhookEventAt(db: Db, params: { connectionId: string }) {
  const [row] = await db
    .select({ at: max(webhookEvents.receivedAt) })
    .from(webhookEvents)
    .where(eq(webhookEvents.connectionId, params.connectionId));
  return row?.at ?? null;
}
