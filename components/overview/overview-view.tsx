'use client';

import dynamic from 'next/dynamic';
import { usePathname, useSearchParams } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { formatMoney } from '@/lib/format';
import type { OrderMode, OverviewDto } from '@/lib/overview/load-overview';
import { dayLabel, MODE_LABELS, SUCCESS_RATE_DEFINITION } from './overview-labels';
import { OverviewTotals } from './overview-totals';
import { useOverview } from './use-overview';
import { EndpointHealth } from './endpoint-health';
import { WebhookHealth } from './webhook-health';

// recharts is most of the chart's weight: it loads after the figures, off the first-load path.
const DailyChart = dynamic(() => import('./daily-chart'), { ssr: false, loading: () => <Skeleton className="h-64 w-full" /> });

type Props = { appId: string; initial: OverviewDto; initialMode: OrderMode | null };

const modeOf = (value: string | null): OrderMode | null => (value === 'test' || value === 'live' ? value : null);

/** Totals, the 30-day chart and the webhook health for one mode, refreshed while the page is open. */
export function OverviewView({ appId, initial, initialMode }: Props) {
  const pathname = usePathname();
  const mode = modeOf(useSearchParams().get('mode'));
  const { data = initial, error } = useOverview(appId, mode, mode === initialMode ? initial : undefined);
  const setMode = (next: OrderMode) =>
    window.history.pushState(null, '', next === data.currentMode ? pathname : `${pathname}?mode=${next}`);
  const chartTitle = `Paid volume and failures, last 30 days (${MODE_LABELS[data.mode].toLowerCase()} mode)`;
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground">
          {MODE_LABELS[data.mode]} mode · days in India Standard Time · refreshed every few seconds
          {error && <span className="text-destructive"> · could not refresh: {error.message}</span>}
        </p>
        {data.modes.length > 1 && (
          <div role="group" aria-label="Mode" className="inline-flex rounded-md border p-0.5">
            {data.modes.map((m) => (
              <Button key={m} type="button" size="sm" variant={m === data.mode ? 'secondary' : 'ghost'} aria-pressed={m === data.mode} onClick={() => setMode(m)}>
                {MODE_LABELS[m]}
              </Button>
            ))}
          </div>
        )}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <OverviewTotals title="Today" description="Orders created today." totals={data.today} />
        <OverviewTotals title="Last 30 days" description={SUCCESS_RATE_DEFINITION} totals={data.last30} />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Daily paid volume and failures</h2>
          </CardTitle>
          <CardDescription>
            Paid amount in {data.chartCurrency} (bars) and failed orders (line) per day of the order&apos;s creation.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <figure aria-label={chartTitle} className="grid gap-2">
            <DailyChart days={data.days} currency={data.chartCurrency} />
            <table className="sr-only">
              <caption>{chartTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Paid</th>
                  <th scope="col">Failed orders</th>
                </tr>
              </thead>
              <tbody>
                {data.days.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{dayLabel(d.day)}</th>
                    <td>{formatMoney(d.paidAmount, data.chartCurrency)}</td>
                    <td>{d.failed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
        </CardContent>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <WebhookHealth appId={appId} health={data.health} />
        <EndpointHealth appId={appId} endpoints={data.endpoints} />
      </div>
    </div>
  );
}
