import { z } from 'zod';
import { isOrderId } from '@/lib/ids';

const orderId = z.string().refine(isOrderId, { error: 'This order does not exist or is not yours.' });

export const orderParams = z.object({ orderId });
export const orderEventParams = z.object({ orderId, eventId: z.uuid({ error: 'This delivery does not exist.' }) });
