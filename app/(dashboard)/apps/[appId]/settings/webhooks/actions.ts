'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { appAction } from '@/lib/actions/action';
import { AppError } from '@/lib/errors';
import { isEndpointId, isEventId } from '@/lib/outbound-webhooks/catalogue';
import { endpointInputSchema, ROTATION_OVERLAPS, type RotationOverlap } from '@/lib/outbound-webhooks/endpoint-input';
import { endpointView } from '@/lib/outbound-webhooks/endpoint-view';
import {
  createEndpoint,
  editEndpoint,
  recoverEndpoint,
  removeEndpoint,
  resendEvent,
  revealEndpointSecret,
  rotateSecret,
  sendTestEvent,
  setEndpointEnabled,
} from '@/lib/outbound-webhooks/endpoints';

// Every action goes through the endpoints service, which finds the endpoint under the app the
// session owns (appAction resolved it): another app's endpoint id is "not found".

const appId = z.string().max(64);
const endpointId = z.string().refine(isEndpointId, 'No such webhook endpoint.');
const forEndpoint = z.object({ appId, endpointId });

const refresh = (publicId: string) => revalidatePath(`/apps/${publicId}`, 'layout');

export const createEndpointAction = appAction(
  z.object({ appId, mode: z.enum(['test', 'live']), fields: endpointInputSchema }),
  async (input, { db, app, actor }) => {
    const { endpoint, secret } = await createEndpoint(db, { appId: app.id, mode: input.mode }, input.fields, actor);
    refresh(input.appId);
    return { endpoint: endpointView(endpoint), secret };
  },
);

export const editEndpointAction = appAction(z.object({ appId, endpointId, fields: endpointInputSchema }), async (input, { db, app, actor }) => {
  await editEndpoint(db, { appId: app.id, id: input.endpointId }, input.fields, actor);
  refresh(input.appId);
});

export const setEndpointEnabledAction = appAction(z.object({ appId, endpointId, enabled: z.boolean() }), async (input, { db, app, actor }) => {
  await setEndpointEnabled(db, { appId: app.id, id: input.endpointId }, input.enabled, actor);
  refresh(input.appId);
});

export const deleteEndpointAction = appAction(z.object({ appId, endpointId, confirmation: z.string().max(100) }), async (input, { db, app, actor }) => {
  if (input.confirmation.trim() !== 'DELETE') throw new AppError('bad_request', 'Type DELETE to confirm.', { confirmation: ['Type DELETE to confirm'] });
  await removeEndpoint(db, { appId: app.id, id: input.endpointId }, actor);
  refresh(input.appId);
});

/** The only way an endpoint's secret reaches the browser after its creation: an explicit, audited Reveal. */
export const revealEndpointSecretAction = appAction(forEndpoint, async (input, { db, app, actor }) => {
  const { secret, previous } = await revealEndpointSecret(db, { appId: app.id, id: input.endpointId }, actor);
  return { secret, previous: previous && { secret: previous.secret, expiresAt: previous.expiresAt.toISOString() } };
});

const overlaps = Object.keys(ROTATION_OVERLAPS) as [RotationOverlap, ...RotationOverlap[]];

export const rotateEndpointSecretAction = appAction(z.object({ appId, endpointId, overlap: z.enum(overlaps) }), async (input, { db, app, actor }) => {
  const { secret, previousExpiresAt } = await rotateSecret(db, { appId: app.id, id: input.endpointId }, input.overlap, actor);
  refresh(input.appId);
  return { secret, previousExpiresAt: previousExpiresAt.toISOString() };
});

export const sendTestEventAction = appAction(forEndpoint, async (input, { db, app }) => ({
  eventId: await sendTestEvent(db, { appId: app.id, id: input.endpointId }),
}));

export const resendEventAction = appAction(
  z.object({ appId, endpointId, eventId: z.string().refine(isEventId, 'No such event.') }),
  async (input, { db, app }) => {
    await resendEvent(db, { appId: app.id, id: input.endpointId, eventId: input.eventId });
  },
);

const since = z.iso
  .datetime({ offset: true, error: 'Choose a date and time' })
  .transform((value) => new Date(value))
  .refine((date) => date.getTime() <= Date.now(), 'Choose a time in the past')
  .refine((date) => date.getUTCFullYear() >= 1970, 'Choose a time since 1970');

export const recoverEndpointAction = appAction(z.object({ appId, endpointId, since }), async (input, { db, app, actor }) => ({
  count: await recoverEndpoint(db, { appId: app.id, id: input.endpointId }, input.since, actor),
}));
