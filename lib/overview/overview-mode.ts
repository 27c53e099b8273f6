import type { OrderMode } from './load-overview';

/** `?mode=` of the Overview: test, live or nothing (the connection's current mode). */
export function parseOverviewMode(values: string | string[] | undefined): { mode?: OrderMode; error?: string } {
  const list = values === undefined ? [] : Array.isArray(values) ? values : [values];
  if (list.length === 0 || (list.length === 1 && list[0] === '')) return {};
  if (list.length === 1 && (list[0] === 'test' || list[0] === 'live')) return { mode: list[0] };
  return { error: 'mode is test or live.' };
}
