import { KpiCard } from "@/components/metrics/kpi-card";
import {
  absoluteChange,
  formatDuration,
  formatMoneyOrDash,
  formatRate,
  formatRatio,
  pointChange,
  relativeChange,
  UNDEFINED_VALUE,
} from "@/components/metrics/kpi-format";
import { getDb } from "@/lib/db";
import { formatNumber } from "@/lib/format";
import { computeKpis, type DateRange, kpiSeries } from "@/lib/metrics/kpis";
import { KPI_NOTES } from "@/lib/metrics/kpis/notes";
import { addDays } from "@/lib/metrics/kpis/period";
import { periodStart } from "@/lib/metrics/periods";
import type { MetricContext } from "@/lib/metrics/settings";

type Pair = { value: number | null; previous: number | null };

/** Every KPI card of the overview for period P, each with its previous period and a 12-week trend. */
export async function KpiSection({
  context,
  range,
  currency,
  now,
}: {
  context: MetricContext;
  range: DateRange;
  currency: string;
  now: Date;
}) {
  const db = await getDb();
  // The trend ends with the last complete week: a week still running would look like a drop.
  const trendEnd = addDays(periodStart(addDays(range.to, 1), "week"), -1);
  const trendRange = { from: addDays(trendEnd, -83), to: trendEnd };
  const [k, series] = await Promise.all([
    computeKpis(db, context, range, { now }),
    kpiSeries(db, context, trendRange, "week", { now }),
  ]);
  const t = series.values;
  const money = (v: number | null) => formatMoneyOrDash(v, currency);
  // Each kind of KPI reads and compares in its own unit: rates in points, amounts in percent.
  const rate = (k: Pair) => ({
    value: formatRate(k.value),
    previous: formatRate(k.previous),
    change: pointChange(k.value, k.previous),
  });
  const amount = (k: Pair) => ({
    value: money(k.value),
    previous: money(k.previous),
    change: relativeChange(k.value, k.previous),
  });
  const whole = (v: number | null) => (v === null ? UNDEFINED_VALUE : v.toFixed(0));
  const nps = (k: Pair) => ({
    value: whole(k.value),
    previous: whole(k.previous),
    change: absoluteChange(k.value, k.previous, (d) => `${d.toFixed(0)} pts`),
  });
  const duration = (k: Pair) => ({
    value: formatDuration(k.value),
    previous: formatDuration(k.previous),
    change: absoluteChange(k.value, k.previous, formatDuration),
  });
  const ratio = (k: Pair) => ({
    value: formatRatio(k.value),
    previous: formatRatio(k.previous),
    change: absoluteChange(k.value, k.previous, (d) => `${d.toFixed(1)}×`),
  });
  const basis =
    k.activeCustomerBasis === "subscription"
      ? "Active = has an active subscription."
      : `Active = active in the last ${context.settings.inactivityWindowDays} days.`;
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <KpiCard
        label="Customer retention rate"
        {...rate(k.customerRetentionRate)}
        higherIsBetter={true}
        trend={t.customerRetentionRate}
        note={KPI_NOTES.customerRetentionRate}
        detail={`S ${formatNumber(k.customerRetentionRate.startActive)} · E ${formatNumber(k.customerRetentionRate.endActive)} · N ${formatNumber(k.customerRetentionRate.newCustomers)}. ${basis}`}
      />
      <KpiCard
        label="Churn rate"
        {...rate(k.churnRate)}
        higherIsBetter={false}
        trend={t.churnRate}
        note={KPI_NOTES.churnRate}
        detail={`${formatNumber(k.churnRate.churned)} of ${formatNumber(k.churnRate.startActive)} active at the start`}
      />
      <KpiCard
        label="Repeat purchase rate"
        {...rate(k.repeatPurchaseRate)}
        higherIsBetter={true}
        trend={t.repeatPurchaseRate}
        note={KPI_NOTES.repeatPurchaseRate}
        detail={`${formatNumber(k.repeatPurchaseRate.repeatCustomers)} of ${formatNumber(k.repeatPurchaseRate.customersWithOrders)} buyers ordered twice or more`}
      />
      <KpiCard
        label="Average order value"
        {...amount(k.averageOrderValue)}
        higherIsBetter={true}
        trend={t.averageOrderValue}
        note={KPI_NOTES.averageOrderValue}
        detail={`${formatNumber(k.averageOrderValue.orders)} orders, ${money(k.averageOrderValue.revenue)} revenue, ${money(k.averageOrderValue.discount)} discounts`}
      />
      <KpiCard
        label="MRR"
        {...amount(k.mrr)}
        higherIsBetter={true}
        trend={t.mrr}
        note={`${KPI_NOTES.mrr} Gross MRR churn: ${KPI_NOTES.grossMrrChurn} Net MRR churn: ${KPI_NOTES.netMrrChurn}`}
        detail={`New ${money(k.mrr.movements.new)} · reactivation ${money(k.mrr.movements.reactivation)} · expansion ${money(k.mrr.movements.expansion)} · contraction ${money(k.mrr.movements.contraction)} · churn ${money(k.mrr.movements.churn)}`}
      />
      <KpiCard
        label="Gross MRR churn"
        {...rate(k.grossMrrChurn)}
        higherIsBetter={false}
        trend={t.grossMrrChurn}
        note={`${KPI_NOTES.grossMrrChurn} Net MRR churn: ${KPI_NOTES.netMrrChurn}`}
        detail={`Net MRR churn ${formatRate(k.netMrrChurn.value)} (previous ${formatRate(k.netMrrChurn.previous)}) of ${money(k.grossMrrChurn.startMrr)} MRR at the start`}
      />
      <KpiCard
        label="ARPA"
        {...amount(k.arpa)}
        higherIsBetter={true}
        trend={t.arpa}
        note={KPI_NOTES.arpa}
        detail={`${money(k.arpa.mrr)} MRR over ${formatNumber(k.arpa.payingCustomers)} paying customers`}
      />
      <KpiCard
        label="LTV"
        {...amount(k.ltv)}
        higherIsBetter={true}
        trend={t.ltv}
        note={KPI_NOTES.ltv}
        detail={`ARPA ${money(k.ltv.arpa)} / monthly churn ${formatRate(k.ltv.monthlyChurnRate)}`}
      />
      <KpiCard
        label="LTV:CAC"
        {...ratio(k.ltvToCac)}
        higherIsBetter={true}
        trend={t.ltvToCac}
        note={KPI_NOTES.ltvToCac}
        detail={
          k.ltvToCac.value === null
            ? "No CAC for these months: an admin enters acquisition spend under Settings → Metrics."
            : `CAC ${money(k.ltvToCac.cac)}; ${k.ltvToCac.value >= 3 ? "at or above" : "below"} the 3× guide`
        }
      />
      <KpiCard
        label="NPS"
        {...nps(k.nps)}
        higherIsBetter={true}
        trend={t.nps}
        note={KPI_NOTES.nps}
        detail={`${formatNumber(k.nps.promoters)} promoters · ${formatNumber(k.nps.passives)} passives · ${formatNumber(k.nps.detractors)} detractors of ${formatNumber(k.nps.responses)} responses`}
      />
      <KpiCard
        label="Time to first value (median)"
        {...duration(k.timeToFirstValue)}
        higherIsBetter={false}
        trend={t.timeToFirstValue}
        note={KPI_NOTES.timeToFirstValue}
        detail={`p90 ${k.timeToFirstValue.p90Seconds === null ? "—" : formatDuration(k.timeToFirstValue.p90Seconds)} · ${formatNumber(k.timeToFirstValue.activated)} of ${formatNumber(k.timeToFirstValue.signups)} signups activated, ${formatNumber(k.timeToFirstValue.notActivated)} not yet`}
      />
      <KpiCard
        label="Onboarding completion"
        {...rate(k.onboardingCompletion)}
        higherIsBetter={true}
        trend={t.onboardingCompletion}
        note={KPI_NOTES.onboardingCompletion}
        detail={`${formatNumber(k.onboardingCompletion.completed)} of ${formatNumber(k.onboardingCompletion.signups)} signups completed every step${k.onboardingCompletion.windowOpen > 0 ? `; ${formatNumber(k.onboardingCompletion.windowOpen)} still inside their window` : ""}`}
      />
    </div>
  );
}
