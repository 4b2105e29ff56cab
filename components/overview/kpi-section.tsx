import { getDb } from "@/lib/db";
import { formatNumber } from "@/lib/format";
import { computeKpis, type DateRange, kpiSeries } from "@/lib/metrics/kpis";
import { KPI_NOTES } from "@/lib/metrics/kpis/notes";
import { addDays } from "@/lib/metrics/kpis/period";
import { periodStart } from "@/lib/metrics/periods";
import type { MetricContext } from "@/lib/metrics/settings";
import { KpiCard } from "./kpi-card";
import { formatDuration, formatKpi } from "./kpi-format";

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
  const money = (v: number | null) => formatKpi(v, "money", currency);
  const basis =
    k.activeCustomerBasis === "subscription"
      ? "Active = has an active subscription."
      : `Active = active in the last ${context.settings.inactivityWindowDays} days.`;
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <KpiCard
        label="Customer retention rate"
        kind="rate"
        currency={currency}
        {...k.customerRetentionRate}
        trend={t.customerRetentionRate}
        note={KPI_NOTES.customerRetentionRate}
        details={`S ${formatNumber(k.customerRetentionRate.startActive)} · E ${formatNumber(k.customerRetentionRate.endActive)} · N ${formatNumber(k.customerRetentionRate.newCustomers)}. ${basis}`}
      />
      <KpiCard
        label="Churn rate"
        kind="rate"
        lowerIsBetter
        currency={currency}
        {...k.churnRate}
        trend={t.churnRate}
        note={KPI_NOTES.churnRate}
        details={`${formatNumber(k.churnRate.churned)} of ${formatNumber(k.churnRate.startActive)} active at the start`}
      />
      <KpiCard
        label="Repeat purchase rate"
        kind="rate"
        currency={currency}
        {...k.repeatPurchaseRate}
        trend={t.repeatPurchaseRate}
        note={KPI_NOTES.repeatPurchaseRate}
        details={`${formatNumber(k.repeatPurchaseRate.repeatCustomers)} of ${formatNumber(k.repeatPurchaseRate.customersWithOrders)} buyers ordered twice or more`}
      />
      <KpiCard
        label="Average order value"
        kind="money"
        currency={currency}
        {...k.averageOrderValue}
        trend={t.averageOrderValue}
        note={KPI_NOTES.averageOrderValue}
        details={`${formatNumber(k.averageOrderValue.orders)} orders, ${money(k.averageOrderValue.revenue)} revenue, ${money(k.averageOrderValue.discount)} discounts`}
      />
      <KpiCard
        label="MRR"
        kind="money"
        currency={currency}
        {...k.mrr}
        trend={t.mrr}
        note={`${KPI_NOTES.mrr} Gross MRR churn: ${KPI_NOTES.grossMrrChurn} Net MRR churn: ${KPI_NOTES.netMrrChurn}`}
        details={`New ${money(k.mrr.movements.new)} · reactivation ${money(k.mrr.movements.reactivation)} · expansion ${money(k.mrr.movements.expansion)} · contraction ${money(k.mrr.movements.contraction)} · churn ${money(k.mrr.movements.churn)}`}
      />
      <KpiCard
        label="Gross MRR churn"
        kind="rate"
        lowerIsBetter
        currency={currency}
        {...k.grossMrrChurn}
        trend={t.grossMrrChurn}
        note={`${KPI_NOTES.grossMrrChurn} Net MRR churn: ${KPI_NOTES.netMrrChurn}`}
        details={`Net MRR churn ${formatKpi(k.netMrrChurn.value, "rate", currency)} (previous ${formatKpi(k.netMrrChurn.previous, "rate", currency)}) of ${money(k.grossMrrChurn.startMrr)} MRR at the start`}
      />
      <KpiCard
        label="ARPA"
        kind="money"
        currency={currency}
        {...k.arpa}
        trend={t.arpa}
        note={KPI_NOTES.arpa}
        details={`${money(k.arpa.mrr)} MRR over ${formatNumber(k.arpa.payingCustomers)} paying customers`}
      />
      <KpiCard
        label="LTV"
        kind="money"
        currency={currency}
        {...k.ltv}
        trend={t.ltv}
        note={KPI_NOTES.ltv}
        details={`ARPA ${money(k.ltv.arpa)} / monthly churn ${formatKpi(k.ltv.monthlyChurnRate, "rate", currency)}`}
      />
      <KpiCard
        label="LTV:CAC"
        kind="ratio"
        currency={currency}
        {...k.ltvToCac}
        trend={t.ltvToCac}
        note={KPI_NOTES.ltvToCac}
        details={
          k.ltvToCac.value === null
            ? "No CAC for these months: an admin enters acquisition spend under Settings → Metrics."
            : `CAC ${money(k.ltvToCac.cac)}; ${k.ltvToCac.value >= 3 ? "at or above" : "below"} the 3× guide`
        }
      />
      <KpiCard
        label="NPS"
        kind="nps"
        currency={currency}
        {...k.nps}
        trend={t.nps}
        note={KPI_NOTES.nps}
        details={`${formatNumber(k.nps.promoters)} promoters · ${formatNumber(k.nps.passives)} passives · ${formatNumber(k.nps.detractors)} detractors of ${formatNumber(k.nps.responses)} responses`}
      />
      <KpiCard
        label="Time to first value (median)"
        kind="duration"
        lowerIsBetter
        currency={currency}
        {...k.timeToFirstValue}
        trend={t.timeToFirstValue}
        note={KPI_NOTES.timeToFirstValue}
        details={`p90 ${k.timeToFirstValue.p90Seconds === null ? "—" : formatDuration(k.timeToFirstValue.p90Seconds)} · ${formatNumber(k.timeToFirstValue.activated)} of ${formatNumber(k.timeToFirstValue.signups)} signups activated, ${formatNumber(k.timeToFirstValue.notActivated)} not yet`}
      />
      <KpiCard
        label="Onboarding completion"
        kind="rate"
        currency={currency}
        {...k.onboardingCompletion}
        trend={t.onboardingCompletion}
        note={KPI_NOTES.onboardingCompletion}
        details={`${formatNumber(k.onboardingCompletion.completed)} of ${formatNumber(k.onboardingCompletion.signups)} signups completed every step${k.onboardingCompletion.windowOpen > 0 ? `; ${formatNumber(k.onboardingCompletion.windowOpen)} still inside their window` : ""}`}
      />
    </div>
  );
}
