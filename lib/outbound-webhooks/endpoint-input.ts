import { z } from 'zod';
import { SUBSCRIBABLE_EVENTS } from './event-types';

export const MAX_URL_LENGTH = 2048;

/** An endpoint as the merchant describes it, in Settings or through the API; `"*"` means every event. */
export const endpointInputSchema = z.strictObject({
  url: z.string({ error: 'Give the URL of your webhook receiver' }).min(1, 'Give the URL of your webhook receiver').max(MAX_URL_LENGTH, `The URL may be at most ${MAX_URL_LENGTH} characters`),
  events: z
    .array(z.enum([...SUBSCRIBABLE_EVENTS, '*'], { error: `Each event is one of ${SUBSCRIBABLE_EVENTS.join(', ')} (or "*")` }), {
      error: 'Give the events to send, as a list',
    })
    .min(1, 'Choose at least one event')
    .max(SUBSCRIBABLE_EVENTS.length + 1, 'Too many events'),
  description: z.string().max(200, 'A description has at most 200 characters').optional(),
});

export type EndpointInput = z.input<typeof endpointInputSchema>;

/** The list as stored: `"*"` expanded, each event once, in the catalogue's order. */
export const subscribedEvents = (events: readonly string[]) =>
  SUBSCRIBABLE_EVENTS.filter((type) => events.includes('*') || events.includes(type));

/** How long the old secret keeps signing after Rotate. */
export const ROTATION_OVERLAPS = { none: 0, '1h': 3600, '24h': 24 * 3600, '7d': 7 * 24 * 3600 } as const;
export type RotationOverlap = keyof typeof ROTATION_OVERLAPS;
