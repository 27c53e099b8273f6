import { apiRoute } from '@/lib/api-v1/route';
import { verifyPaymentSchema } from '@/lib/api-v1/schemas';
import { verifyCheckoutPayment } from '@/lib/api-v1/verify-payment';

export const POST = apiRoute(async ({ db, caller, body }) => ({ body: await verifyCheckoutPayment(db, caller, body(verifyPaymentSchema)) }));
