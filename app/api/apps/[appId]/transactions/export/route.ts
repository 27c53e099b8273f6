import { withOwnedApp } from '@/lib/api/with-owned-app';
import { transactionsCsv } from '@/lib/transactions/csv';
import { resolveMode } from '@/lib/transactions/default-mode';
import { istToday } from '@/lib/transactions/ist';
import { filtersOf } from '@/lib/transactions/list-transactions';
import { requestView } from '@/lib/transactions/request-view';

/** The filtered view as CSV, every page of it (the cursor is ignored), streamed. */
export const GET = withOwnedApp({}, async ({ db, app, request }) => {
  const view = requestView(request);
  const { mode } = await resolveMode(db, { appId: app.id }, view.mode);
  const filename = `kspay-${app.publicId}-${mode}-transactions-${istToday()}.csv`;
  return new Response(transactionsCsv(db, filtersOf(app.id, mode, view)), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
