import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatMoney } from '@/lib/format';
import type { OverviewDto } from '@/lib/overview/load-overview';
import { formatRate } from './overview-labels';

type Totals = OverviewDto['today'];

/** Orders, paid amount per currency and success rate of one span (today, or the last 30 days). */
export function OverviewTotals({ title, description, totals }: { title: string; description: string; totals: Totals }) {
  const id = `totals-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 id={id}>{title}</h2>
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-3 gap-4">
          <div className="grid gap-1">
            <dt className="text-xs text-muted-foreground">Orders</dt>
            <dd className="text-2xl font-semibold tabular-nums">{totals.orders}</dd>
          </div>
          <div className="grid gap-1">
            <dt className="text-xs text-muted-foreground">Paid</dt>
            <dd className="grid text-2xl font-semibold tabular-nums">
              {totals.paidAmounts.length === 0 ? (
                <span>{formatMoney(0, 'INR')}</span>
              ) : (
                totals.paidAmounts.map((p, i) => (
                  <span key={p.currency} className={i > 0 ? 'text-sm font-medium text-muted-foreground' : undefined}>
                    {formatMoney(p.amount, p.currency)}
                  </span>
                ))
              )}
            </dd>
          </div>
          <div className="grid gap-1">
            <dt className="text-xs text-muted-foreground">Success rate</dt>
            <dd className="text-2xl font-semibold tabular-nums">
              {formatRate(totals.successRate)}
              <span className="block text-xs font-normal text-muted-foreground">
                {totals.paid} paid · {totals.failed} failed
              </span>
            </dd>
          </div>
        </dl>
      </CardContent>
    </Card>
  );
}
