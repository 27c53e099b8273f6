import type { Db } from '@/db';
import { getOrder } from '@/db/queries/orders';
import { AppError } from '@/lib/errors';
import { isGatewayError } from '@/lib/gateways';
import { log } from '@/lib/log';
import { syncOrder } from '@/lib/payments/sync';
import type { SyncOrderResult } from './contract';

/** The merchant's "Sync with gateway": what the gateway said and what it changed, in words the toast can use. */
export async function syncOrderForMerchant(db: Db, params: { appId: string; orderId: string }): Promise<SyncOrderResult> {
  const before = await getOrder(db, params);
  if (!before) throw new AppError('not_found', 'This order does not exist or is not yours.');
  try {
    const result = await syncOrder(db, params);
    log.info({ event: 'order.synced', appId: params.appId, orderId: params.orderId, applied: result.applied, stale: result.stale });
    return { before: before.status, after: result.status as SyncOrderResult['after'], applied: result.applied, stale: result.stale };
  } catch (error) {
    // The gateway's own explanation is plain words meant for the merchant (and never holds a secret).
    if (isGatewayError(error)) throw new AppError(error.retryable ? 'unavailable' : 'conflict', error.explanation);
    throw error;
  }
}
