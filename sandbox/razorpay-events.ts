import { RAZORPAY_EVENTS } from '@/lib/gateways/razorpay-webhook';
import { razorpayWebhookSignature } from '@/lib/gateways/signatures';
import type { OutgoingEvent } from './delivery';
import { alnum } from './ids';
import type { Account, SandboxState } from './state';

export { RAZORPAY_EVENTS };

export type RazorpayEventName = (typeof RAZORPAY_EVENTS)[number];

/** An event as it happened: entity snapshots taken at that moment. */
export interface RazorpayEventDraft {
  event: RazorpayEventName;
  orderId: string;
  payload: { payment?: unknown; order?: unknown; refund?: unknown };
}

/**
 * Wraps drafts in Razorpay's envelope and signs them with the webhook secret configured now;
 * events the account's webhook does not subscribe to are dropped, as Razorpay does.
 */
export function razorpayOutgoing(state: SandboxState, account: Account, drafts: RazorpayEventDraft[]): OutgoingEvent[] {
  const config = state.webhooks.get(account.id);
  if (!config) return [];
  return drafts
    .filter((draft) => config.events.includes(draft.event))
    .map((draft) => {
      const contains = Object.keys(draft.payload);
      const payload = Object.fromEntries(Object.entries(draft.payload).map(([name, entity]) => [name, { entity }]));
      const body = JSON.stringify({
        entity: 'event',
        account_id: account.accountId,
        event: draft.event,
        contains,
        payload,
        created_at: Math.floor(Date.now() / 1000),
      });
      const eventId = alnum(14);
      return {
        gateway: 'razorpay' as const,
        eventId,
        eventType: draft.event,
        orderId: draft.orderId,
        url: config.url,
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Razorpay-Webhook/v1',
          'x-razorpay-event-id': eventId,
          'x-razorpay-signature': razorpayWebhookSignature(body, config.secret),
        },
      };
    });
}
