'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createApp, deleteApp, updateApp } from '@/db/queries/apps';
import { appAction, authedAction } from '@/lib/actions/action';
import { appNotFound } from '@/lib/apps/require-app';
import { isCountryCode } from '@/lib/countries';
import { AppError } from '@/lib/errors';
import { appFieldsSchema } from '@/lib/validations/app';
import { log } from '@/lib/log';
import * as z from '@/lib/zod-mini';

const appFields = appFieldsSchema.check(
  z.refine((v) => isCountryCode(v.country), { path: ['country'], message: 'Choose a country from the list' }),
);

export const createAppAction = authedAction(appFields, async (fields, { db, merchant }) => {
  const app = await createApp(db, { merchantId: merchant.id, ...fields });
  log.info({ event: 'app.created', merchantId: merchant.id, appId: app.publicId });
  revalidatePath('/apps', 'layout');
  return { publicId: app.publicId };
});

export const updateAppAction = appAction(
  z.object({ appId: z.string().check(z.maxLength(64)), fields: appFields }),
  async ({ fields }, { db, merchant, app: owned }) => {
    const app = await updateApp(db, { merchantId: merchant.id, publicId: owned.publicId, ...fields });
    // Deleted between the ownership check and the update.
    if (!app) throw appNotFound();
    revalidatePath('/apps', 'layout');
    return { publicId: app.publicId };
  },
);

export const deleteAppAction = appAction(
  z.object({ appId: z.string().check(z.maxLength(64)), confirmation: z.string().check(z.maxLength(100)) }),
  async ({ appId, confirmation }, { db, merchant, app }) => {
    if (confirmation.trim() !== app.name) {
      throw new AppError('bad_request', 'Type the app name exactly to confirm.', {
        confirmation: [`Type “${app.name}” to confirm`],
      });
    }
    await deleteApp(db, { merchantId: merchant.id, publicId: appId });
    log.info({ event: 'app.deleted', merchantId: merchant.id, appId });
    revalidatePath('/apps', 'layout');
    redirect('/apps');
  },
);
