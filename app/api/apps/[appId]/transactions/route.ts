import { jsonResponse } from '@/lib/api/json';
import { withOwnedApp } from '@/lib/api/with-owned-app';
import { resolveMode } from '@/lib/transactions/default-mode';
import { loadTransactionPage } from '@/lib/transactions/list-transactions';
import { requestView } from '@/lib/transactions/request-view';

/** One page of the Transactions view the query string names (the page polls it while open). */
export const GET = withOwnedApp({}, async ({ db, app, request }) => {
  const view = requestView(request);
  const { mode } = await resolveMode(db, { appId: app.id }, view.mode);
  return jsonResponse(await loadTransactionPage(db, { appId: app.id, mode, view }));
});
