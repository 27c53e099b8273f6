import { AppError } from '@/lib/errors';
import { parseTransactionView } from './view';

/** For route handlers: the view in the request's query string, or a 400 naming every bad parameter. */
export function requestView(request: Request) {
  const { view, issues } = parseTransactionView(new URL(request.url).searchParams);
  if (issues.length > 0) {
    const fieldErrors = Object.fromEntries(issues.map((i) => [i.param, [`${i.param} ${i.message}`]]));
    throw new AppError('bad_request', issues.map((i) => `${i.param} ${i.message}`).join('; '), fieldErrors);
  }
  return view;
}
