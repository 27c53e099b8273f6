import type { OrderMode } from '@/lib/overview/load-overview';

// The one place the Overview's values become words.

export const MODE_LABELS: Record<OrderMode, string> = { test: 'Test', live: 'Live' };

export const SUCCESS_RATE_DEFINITION = 'Success rate = paid ÷ (paid + failed) orders. Orders still open are not counted.';

const day = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', timeZone: 'UTC' });
/** `2026-11-30` → `30 Nov`. */
export const dayLabel = (isoDay: string) => (isoDay ? day.format(new Date(`${isoDay}T00:00:00Z`)) : '');

const percent = new Intl.NumberFormat('en-IN', { style: 'percent', maximumFractionDigits: 1 });
export const formatRate = (rate: number | null) => (rate === null ? '—' : percent.format(rate));
