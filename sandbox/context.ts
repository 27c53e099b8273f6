import type { Deliverer, DeliveryOptions, OutgoingEvent } from './delivery';
import type { FaultQueue } from './faults';
import type { Account, SandboxState } from './state';

export interface SandboxContext {
  state: SandboxState;
  deliverer: Deliverer;
  faults: FaultQueue;
}

/** Context of an authenticated gateway API call. */
export interface AccountContext extends SandboxContext {
  account: Account;
}

export interface EmittedEvent {
  event_id: string;
  type: string;
  url: string;
}

/** Hands events to the deliverer; with `wait`, resolves after every first attempt. */
export async function emit(
  ctx: SandboxContext,
  events: OutgoingEvent[],
  options?: DeliveryOptions,
  wait = false,
): Promise<EmittedEvent[]> {
  const delivered = ctx.deliverer.dispatch(events, options);
  if (wait) await delivered;
  return events.map((e) => ({ event_id: e.eventId, type: e.eventType, url: e.url }));
}
