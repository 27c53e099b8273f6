'use server';

import { appAction } from '@/lib/actions/action';
import { isOrderId } from '@/lib/ids';
import { syncOrderForMerchant } from '@/lib/transactions/sync-order';
import * as z from '@/lib/zod-mini';

const input = z.object({
  appId: z.string().check(z.maxLength(64)),
  orderId: z.string().check(z.refine(isOrderId, 'This order does not exist or is not yours.')),
});

/** Asks the gateway for the order's payments and applies them (recorded on the timeline as `sync`). */
export const syncOrderAction = appAction(input, (input, { db, app }) => syncOrderForMerchant(db, { appId: app.id, orderId: input.orderId }));
