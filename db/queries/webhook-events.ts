import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { gatewayConnections, webhookEvents } from '../schema';

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
  await db
    .update(gatewayConnections)
    .set({ webhookLastEventAt: sql`now()` })
    .where(eq(gatewayConnections.id, event.connectionId!));
  return { first: row!.deliveries === 1 };
}
