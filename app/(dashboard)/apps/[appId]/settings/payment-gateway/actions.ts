'use server';

import { revalidatePath } from 'next/cache';
import type { Db } from '@/db';
import { authedAction } from '@/lib/actions/action';
import { requireAppOf } from '@/lib/apps/require-app';
import type { SessionMerchant } from '@/lib/auth/session';
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
import { requestIp } from '@/lib/request-ip';
import { credentialsSchema } from '@/lib/validations/gateway';
import * as z from '@/lib/zod-mini';

const appId = z.string().check(z.maxLength(64));
const forApp = z.object({ appId });

async function actorFor(db: Db, merchant: SessionMerchant, publicId: string) {
  const app = await requireAppOf(db, { merchantId: merchant.id, publicId });
  return { app, actor: { appId: app.id, merchantId: merchant.id, ip: await requestIp() } };
}

const refresh = (publicId: string) => revalidatePath(`/apps/${publicId}`, 'layout');

export const submitCredentialsAction = authedAction(
  z.object({ appId, credentials: credentialsSchema }),
  async (input, { db, merchant }) => {
    const { actor } = await actorFor(db, merchant, input.appId);
    await submitCredentials(db, actor, input.credentials);
    refresh(input.appId);
  },
);

export const markWebhookDoneAction = authedAction(forApp, async (input, { db, merchant }) => {
  await markWebhookDone(db, (await actorFor(db, merchant, input.appId)).actor);
  refresh(input.appId);
});

export const markNpmDoneAction = authedAction(forApp, async (input, { db, merchant }) => {
  await markNpmDone(db, (await actorFor(db, merchant, input.appId)).actor);
  refresh(input.appId);
});

export const rotateWebhookSecretAction = authedAction(forApp, async (input, { db, merchant }) => {
  await rotateWebhookSecret(db, (await actorFor(db, merchant, input.appId)).actor);
  refresh(input.appId);
});

/** The only way the webhook secret reaches the browser: an explicit, audited Reveal or Copy. */
export const revealWebhookSecretAction = authedAction(forApp, async (input, { db, merchant }) => {
  return { secret: await revealWebhookSecret(db, (await actorFor(db, merchant, input.appId)).actor) };
});

export const createTestOrderAction = authedAction(forApp, async (input, { db, merchant }) => {
  const { app, actor } = await actorFor(db, merchant, input.appId);
  const result = await runTestOrder(db, actor, app);
  refresh(input.appId);
  return result;
});

export const resetGatewayAction = authedAction(
  z.object({ appId, confirmation: z.string().check(z.maxLength(100)) }),
  async (input, { db, merchant }) => {
    if (input.confirmation.trim() !== 'RESET') {
      throw new AppError('bad_request', 'Type RESET to confirm.', { confirmation: ['Type RESET to confirm'] });
    }
    await resetGateway(db, (await actorFor(db, merchant, input.appId)).actor);
    refresh(input.appId);
  },
);
