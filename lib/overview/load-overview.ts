import type { Db } from '@/db';
import { getConnection, getCredentials } from '@/db/queries/gateway-connections';
import { dailyOrderTotals, listOrderModes, OVERVIEW_TIME_ZONE } from '@/db/queries/overview';
import { getRecentRejections } from '@/db/queries/webhook-event-log';
import { getLastWebhookEventAt } from '@/db/queries/webhook-events';
import { loadEndpointHealth } from '@/lib/outbound-webhooks/endpoint-health';

/** Orders, payments and events carry the mode of the credentials they were made with. */
export type OrderMode = 'test' | 'live';

export const OVERVIEW_DAYS = 30;
const MODES: readonly OrderMode[] = ['test', 'live'];

type DayRow = Awaited<ReturnType<typeof dailyOrderTotals>>[number];

/** Totals of a span: orders made, paid and failed among them, paid amount per currency. */
function totalsOf(rows: DayRow[]) {
  const amounts = new Map<string, number>();
  let orders = 0;
  let paid = 0;
  let failed = 0;
  for (const row of rows) {
    orders += row.orders;
    paid += row.paid;
    failed += row.failed;
    if (row.paidAmount > 0) amounts.set(row.currency, (amounts.get(row.currency) ?? 0) + row.paidAmount);
  }
  return {
    orders,
    paid,
    failed,
    /** paid / (paid + failed); null while no order has finished either way. */
    successRate: paid + failed > 0 ? paid / (paid + failed) : null,
    paidAmounts: [...amounts].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => b.amount - a.amount),
  };
}

/** `YYYY-MM-DD` of the day `offset` days before `day`. */
const dayBefore = (day: string, offset: number) => new Date(Date.parse(`${day}T00:00:00Z`) - offset * 86_400_000).toISOString().slice(0, 10);

/** The last 30 days, oldest first, each day present (zero when nothing happened), in one currency. */
function dailySeries(rows: DayRow[], today: string, currency: string) {
  return Array.from({ length: OVERVIEW_DAYS }, (_, i) => {
    const day = dayBefore(today, OVERVIEW_DAYS - 1 - i);
    const ofDay = rows.filter((r) => r.day === day);
    return {
      day,
      paidAmount: ofDay.find((r) => r.currency === currency)?.paidAmount ?? 0,
      paid: ofDay.reduce((n, r) => n + r.paid, 0),
      failed: ofDay.reduce((n, r) => n + r.failed, 0),
    };
  });
}

async function connectionFacts(db: Db, appId: string) {
  const connection = await getConnection(db, { appId });
  if (!connection) return null;
  const credentialsOf = (id: string | null) => (id ? getCredentials(db, { connectionId: connection.id, credentialsId: id }) : null);
  const [current, verified, lastVerifiedAt, rejections] = await Promise.all([
    credentialsOf(connection.currentCredentialsId),
    credentialsOf(connection.verifiedCredentialsId),
    getLastWebhookEventAt(db, { connectionId: connection.id }),
    getRecentRejections(db, { connectionId: connection.id, hours: 24 }),
  ]);
  return { current, verified, lastVerifiedAt, rejections };
}

/**
 * What the App Overview shows for one mode (the connection's current one unless another is asked
 * for and the app has it): today's and the last 30 days' totals, the daily series, the webhook health
 * (the gateway's into KS Pay, and KS Pay's to the merchant's endpoints, in either mode).
 */
export async function loadOverview(db: Db, app: { id: string }, requested?: OrderMode) {
  const [facts, orderModes, endpoints] = await Promise.all([
    connectionFacts(db, app.id),
    listOrderModes(db, { appId: app.id }),
    loadEndpointHealth(db, app.id),
  ]);
  const currentMode = facts?.verified?.mode ?? facts?.current?.mode ?? orderModes[0] ?? 'test';
  const modes = MODES.filter((m) => m === currentMode || orderModes.includes(m) || facts?.current?.mode === m);
  const mode = requested && modes.includes(requested) ? requested : currentMode;
  const rows = await dailyOrderTotals(db, { appId: app.id, mode, days: OVERVIEW_DAYS });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: OVERVIEW_TIME_ZONE }).format(new Date());
  const last30 = totalsOf(rows);
  const chartCurrency = last30.paidAmounts[0]?.currency ?? 'INR';
  const latest = facts?.rejections.latest;
  return {
    mode,
    currentMode,
    modes,
    timeZone: OVERVIEW_TIME_ZONE,
    today: totalsOf(rows.filter((r) => r.day === today)),
    last30,
    chartCurrency,
    days: dailySeries(rows, today, chartCurrency),
    health: facts && {
      gateway: (facts.verified ?? facts.current)?.gateway ?? null,
      lastVerifiedAt: facts.lastVerifiedAt?.toISOString() ?? null,
      rejected24h: facts.rejections.count,
      latestRejection: latest ? { at: latest.at.toISOString(), likelyCause: latest.likelyCause, reason: latest.reason } : null,
    },
    endpoints,
  };
}

export type OverviewDto = Awaited<ReturnType<typeof loadOverview>>;
