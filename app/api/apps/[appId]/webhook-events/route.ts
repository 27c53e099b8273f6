import { jsonResponse } from '@/lib/api/json';
import { withOwnedApp } from '@/lib/api/with-owned-app';
import { AppError } from '@/lib/errors';
import { loadDeliveryPage } from '@/lib/webhooks/delivery-page';
import { parseDeliveryQuery } from '@/lib/webhooks/delivery-query';

/** `?outcome=&type=&cursor=`: one page of the app's delivery log (the Webhook events page polls it). */
export const GET = withOwnedApp({}, async ({ db, app, request }) => {
  const { query, page, errors } = parseDeliveryQuery(new URL(request.url).searchParams);
  if (errors.length) throw new AppError('bad_request', errors[0]!);
  return jsonResponse(await loadDeliveryPage(db, app.id, query, page));
});
