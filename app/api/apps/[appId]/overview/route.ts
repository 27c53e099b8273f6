import { jsonResponse } from '@/lib/api/json';
import { withOwnedApp } from '@/lib/api/with-owned-app';
import { AppError } from '@/lib/errors';
import { loadOverview } from '@/lib/overview/load-overview';
import { parseOverviewMode } from '@/lib/overview/overview-mode';

/** `?mode=test|live`: the App Overview's figures (the page polls it while open). */
export const GET = withOwnedApp({}, async ({ db, app, request }) => {
  const { mode, error } = parseOverviewMode(new URL(request.url).searchParams.getAll('mode'));
  if (error) throw new AppError('bad_request', error);
  return jsonResponse(await loadOverview(db, app, mode));
});
