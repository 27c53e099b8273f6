'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createApp, setAllowedOrigins, updateApp } from '@/db/queries/apps';
import { recordAudit } from '@/db/queries/audit';
import { appAction, authedAction } from '@/lib/actions/action';
import { deleteOwnedApp } from '@/lib/apps/delete-app';
import { appNotFound } from '@/lib/apps/require-app';
import { isCountryCode } from '@/lib/countries';
import { allowedOriginsSchema, normaliseOrigins } from '@/lib/validations/allowed-origins';
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

export const updateAllowedOriginsAction = appAction(
  z.object({ appId: z.string().check(z.maxLength(64)), fields: allowedOriginsSchema }),
  async ({ fields }, { db, actor }) => {
    const origins = normaliseOrigins(fields.origins);
    const saved = await db.transaction(async (tx) => {
      const row = await setAllowedOrigins(tx, { appId: actor.appId, origins });
      if (!row) throw appNotFound();
      await recordAudit(tx, { appId: actor.appId, merchantId: actor.merchantId, ip: actor.ip, action: 'app.allowed_origins_changed', details: { origins } });
      return row.allowedOrigins;
    });
    return { origins: saved };
  },
);

export const deleteAppAction = appAction(
  z.object({ appId: z.string().check(z.maxLength(64)), confirmation: z.string().check(z.maxLength(100)) }),
  async ({ appId, confirmation }, { db, merchant, actor }) => {
    await deleteOwnedApp(db, { merchantId: merchant.id, publicId: appId, confirmation, ip: actor.ip });
    log.info({ event: 'app.deleted', merchantId: merchant.id, appId });
    revalidatePath('/apps', 'layout');
    redirect('/apps');
  },
);
