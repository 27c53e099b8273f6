'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import type { OrderMode, OverviewDto } from '@/lib/overview/load-overview';

const REFRESH_MS = 5_000;

/** The Overview's figures for one mode (null: the connection's current one), polled while open. */
export function useOverview(appId: string, mode: OrderMode | null, initial?: OverviewDto) {
  return useQuery({
    queryKey: ['apps', appId, 'overview', mode],
    queryFn: () => fetchJson<OverviewDto>(`/api/apps/${encodeURIComponent(appId)}/overview${mode ? `?mode=${mode}` : ''}`),
    initialData: initial,
    refetchInterval: REFRESH_MS,
  });
}
