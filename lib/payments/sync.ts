import { createHash } from 'node:crypto';
import type { Db } from '@/db';
import { getConnection, getCredentials } from '@/db/queries/gateway-connections';
import { getOrder } from '@/db/queries/orders';
import { AppError } from '@/lib/errors';
import type { GatewayOptions } from '@/lib/gateways';
import { listOrderPayments } from '@/lib/gateways/create-order';
import { recordAndApply } from './apply';

/** What the merchant's "Sync with gateway" (and the reconciler) did to one order. */
export interface SyncResult {
  status: string;
  applied: number;
  stale: number;
}

/**
 * Asks the gateway for the order's payments and applies each through the same state machine as a
 * webhook, recorded with source `sync`. The gateway is called outside any transaction; each
 * payment is applied as a webhook's is (`recordAndApply`), so a sync racing webhooks (or another
 * instance's sync) changes each state once.
 */
export async function syncOrder(db: Db, params: { appId: string; orderId: string }, options?: GatewayOptions): Promise<SyncResult> {
  const order = await getOrder(db, params);
  if (!order) throw new AppError('not_found', 'Unknown order');
  const credentials = await credentialsFor(db, order);
  if (!credentials) throw new AppError('conflict', 'The credentials this order was made with are gone: it cannot be synced.');
  const found = await listOrderPayments(credentials, order.gatewayOrderId, options);
  let applied = 0;
  let stale = 0;
  for (const payment of found) {
    const payload = JSON.stringify(payment.raw);
    const outcome = await recordAndApply(
      db,
      {
        appId: order.appId,
        connectionId: order.connectionId,
        gateway: order.gateway,
        source: 'sync',
        eventId: null,
        eventType: 'sync.payment',
        // Observations are not deduplicated: each sync is logged.
        dedupKey: null,
        bodySha256: createHash('sha256').update(payload).digest('hex'),
        gatewayOrderId: order.gatewayOrderId,
        gatewayPaymentId: payment.paymentId,
        headers: {},
        payload,
      },
      {
        gatewayOrderId: order.gatewayOrderId,
        payment: {
          gatewayPaymentId: payment.paymentId,
          observation: { status: payment.status, amount: payment.amount, method: payment.method, error: payment.error, amountRefunded: payment.amountRefunded },
        },
      },
    );
    if (outcome === 'applied') applied++;
    else stale++;
  }
  const after = (await getOrder(db, params))!;
  return { status: after.status, applied, stale };
}

async function credentialsFor(db: Db, order: { appId: string; connectionId: string | null; credentialsId: string | null; gateway: string }) {
  if (!order.connectionId) return null;
  const connection = await getConnection(db, { appId: order.appId });
  if (!connection || connection.id !== order.connectionId) return null;
  const id = order.credentialsId ?? connection.verifiedCredentialsId;
  const credentials = id ? await getCredentials(db, { connectionId: connection.id, credentialsId: id }) : null;
  return credentials?.gateway === order.gateway ? credentials : null;
}
