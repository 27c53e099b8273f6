'use client';

import { Bar, CartesianGrid, ComposedChart, Line, XAxis, YAxis } from 'recharts';
import { type ChartConfig, ChartContainer, ChartLegend, ChartLegendContent, ChartTooltip, ChartTooltipContent } from '@/components/ui/chart';
import { formatMajorUnits, formatMoney, toMajorUnits } from '@/lib/format';
import type { OverviewDto } from '@/lib/overview/load-overview';
import { dayLabel } from './overview-labels';

type Props = { days: OverviewDto['days']; currency: string };

/** Daily paid volume (bars, left axis) and failed orders (line, right axis). Loaded lazily: recharts is heavy. */
export default function DailyChart({ days, currency }: Props) {
  const config = {
    volume: { label: `Paid (${currency})`, color: 'var(--chart-2)' },
    failed: { label: 'Failed orders', color: 'var(--chart-5)' },
  } satisfies ChartConfig;
  const data = days.map((d) => ({ day: d.day, volume: toMajorUnits(d.paidAmount, currency), failed: d.failed, paidAmount: d.paidAmount }));
  return (
    <ChartContainer config={config} className="aspect-auto h-64 w-full">
      <ComposedChart data={data} margin={{ left: 4, right: 4, top: 8 }} accessibilityLayer>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="day" tickLine={false} axisLine={false} tickMargin={8} minTickGap={24} tickFormatter={dayLabel} />
        <YAxis yAxisId="volume" tickLine={false} axisLine={false} width={64} tickFormatter={(v: number) => formatMajorUnits(v, currency, { compact: true })} />
        <YAxis yAxisId="failed" orientation="right" allowDecimals={false} tickLine={false} axisLine={false} width={32} />
        <ChartTooltip
          content={
            <ChartTooltipContent
              labelFormatter={(_, payload) => dayLabel(String(payload[0]?.payload?.day ?? ''))}
              formatter={(value, name, item) => (
                <div className="flex w-full justify-between gap-4">
                  <span className="text-muted-foreground">{config[name as keyof typeof config]?.label ?? name}</span>
                  <span className="font-mono font-medium tabular-nums">
                    {name === 'volume' ? formatMoney(Number(item.payload?.paidAmount ?? 0), currency) : String(value)}
                  </span>
                </div>
              )}
            />
          }
        />
        <ChartLegend content={<ChartLegendContent />} />
        <Bar yAxisId="volume" dataKey="volume" fill="var(--color-volume)" radius={[3, 3, 0, 0]} />
        <Line yAxisId="failed" dataKey="failed" type="monotone" stroke="var(--color-failed)" strokeWidth={2} dot={false} />
      </ComposedChart>
    </ChartContainer>
  );
}
