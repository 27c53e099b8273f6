'use server';

import { revalidatePath } from 'next/cache';
import { appAction } from '@/lib/actions/action';
import { AppError } from '@/lib/errors';
import {
  markNpmDone,
  markWebhookDone,
  resetGateway,
  revealWebhookSecret,
  rotateWebhookSecret,
} from '@/lib/gateway-connections/steps';
import { submitCredentials } from '@/lib/gateway-connections/submit-credentials';
import { runTestOrder } from '@/lib/gateway-connections/verify';
import { credentialsSchema } from '@/lib/validations/gateway';
import * as z from '@/lib/zod-mini';

const appId = z.string().check(z.maxLength(64));
const forApp = z.object({ appId });

const refresh = (publicId: string) => revalidatePath(`/apps/${publicId}`, 'layout');

export const submitCredentialsAction = appAction(
  z.object({ appId, credentials: credentialsSchema }),
  async (input, { db, actor }) => {
    await submitCredentials(db, actor, input.credentials);
    refresh(input.appId);
  },
);

export const markWebhookDoneAction = appAction(forApp, async (input, { db, actor }) => {
  await markWebhookDone(db, actor);
  refresh(input.appId);
});

export const markNpmDoneAction = appAction(forApp, async (input, { db, actor }) => {
  await markNpmDone(db, actor);
  refresh(input.appId);
});

export const rotateWebhookSecretAction = appAction(forApp, async (input, { db, actor }) => {
  await rotateWebhookSecret(db, actor);
  refresh(input.appId);
});

/** The only way the webhook secret reaches the browser: an explicit, audited Reveal or Copy. */
export const revealWebhookSecretAction = appAction(forApp, async (_input, { db, actor }) => {
  return { secret: await revealWebhookSecret(db, actor) };
});

export const createTestOrderAction = appAction(forApp, async (input, { db, app, actor }) => {
  const result = await runTestOrder(db, actor, app);
  refresh(input.appId);
  return result;
});

export const resetGatewayAction = appAction(
  z.object({ appId, confirmation: z.string().check(z.maxLength(100)) }),
  async (input, { db, actor }) => {
    if (input.confirmation.trim() !== 'RESET') {
      throw new AppError('bad_request', 'Type RESET to confirm.', { confirmation: ['Type RESET to confirm'] });
    }
    await resetGateway(db, actor);
    refresh(input.appId);
  },
);
