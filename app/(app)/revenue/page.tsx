import type { Metadata } from "next";
import Link from "next/link";
import { HowComputed } from "@/components/metrics/how-computed";
import { KpiCard } from "@/components/metrics/kpi-card";
import {
  absoluteChange,
  formatMoneyOrDash,
  formatRate,
  formatRatio,
  pointChange,
  relativeChange,
} from "@/components/metrics/kpi-format";
import { bucketLabel } from "@/components/revenue/bucket-label";
import { LtvCacChart } from "@/components/revenue/ltv-cac-chart";
import { MovementsTable } from "@/components/revenue/movements-table";
import { MrrChart } from "@/components/revenue/mrr-chart";
import { RangeControls } from "@/components/revenue/range-controls";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { can } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { computeKpis, kpiSeries } from "@/lib/metrics/kpis";
import { grossMrrChurn, mrrStats, netMrrChurn } from "@/lib/metrics/kpis/mrr";
import { KPI_NOTES } from "@/lib/metrics/kpis/notes";
import { localToday } from "@/lib/metrics/kpis/period";
import { lastTwelveMonths, parseRangeQuery } from "@/lib/metrics/kpis/range-query";
import { hasSubscriptions } from "@/lib/metrics/kpis/subscriptions";
import { loadMetricContext } from "@/lib/metrics/settings";
import { paramReader, viewOrDefault } from "@/lib/metrics/view-params";

export const metadata: Metadata = { title: "Revenue" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RevenuePage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePageRole("analytics:read");
  const params = await searchParams;
  const { get } = paramReader(params);
  const now = new Date();
  const tz = viewer.workspace.timeZone;
  const currency = viewer.workspace.currency;
  const defaults = lastTwelveMonths(now, tz);
  const { query, problem } = viewOrDefault(
    () => parseRangeQuery(get, defaults),
    () => defaults,
  );
  const db = await getDb();
  const context = await loadMetricContext(db, viewer.workspace.id);
  const header = (
    <>
      <PageHeader
        title="Revenue"
        description={`MRR, its movements and what a customer is worth, per ${query.granularity} in ${tz}.`}
      />
      {problem ? (
        <div className="mb-4">
          <Notice tone="error">{problem} Showing the last 12 months instead.</Notice>
        </div>
      ) : null}
      <RangeControls query={query} fromLabel="From" toLabel="To" granularityLabel="Per" />
    </>
  );

  if (!(await hasSubscriptions(db, context))) {
    const names = Object.values(context.settings.subscription);
    return (
      <>
        {header}
        <Card title="No subscription events yet" className="mt-6">
          <p className="text-sm text-slate-700">
            Revenue is computed from subscription events: {names.map((n) => `“${n}”`).join(", ")}, each with an{" "}
            <code>mrr</code> property (or <code>amount</code> and <code>interval</code>; yearly amounts are divided by
            12). This workspace has not received any of them.
          </p>
          <p className="mt-2 text-sm text-slate-700">
            {can(viewer.role, "settings:manage") ? (
              <>
                If your product sends them under other names, set those in{" "}
                <Link href="/settings/metrics" className="font-medium text-brand-700 hover:underline">
                  Settings → Metrics
                </Link>
                .
              </>
            ) : (
              "If your product sends them under other names, an admin can set those in Settings → Metrics."
            )}
          </p>
        </Card>
      </>
    );
  }

  // Sequential: one dashboard should not take over the pool (and PGlite runs one query at a time anyway).
  const kpis = await computeKpis(db, context, query.range, { now });
  const series = await kpiSeries(db, context, query.range, query.granularity, { now });
  const mrr = await mrrStats(db, context, series.buckets);
  const today = localToday(now, tz);
  const labels = series.buckets.map((b) => bucketLabel(b, query.granularity));
  const complete = series.buckets.map((b) => b.to < today);
  const rows = series.buckets.map((_, i) => {
    const m = mrr[i] ?? { startMrr: 0, endMrr: 0, payingCustomers: 0, movements: emptyMovements };
    return {
      label: labels[i] ?? "",
      complete: complete[i] ?? false,
      startMrr: m.startMrr,
      endMrr: m.endMrr,
      movements: m.movements,
      grossMrrChurn: grossMrrChurn(m),
      netMrrChurn: netMrrChurn(m),
    };
  });
  const hasCac = series.values.ltvToCac.some((v) => v !== null);
  const money = (v: number | null) => formatMoneyOrDash(v, currency);
  const { mrr: mrrKpi, grossMrrChurn: gross, netMrrChurn: net, arpa, ltv, ltvToCac } = kpis;
  const settingsLink = can(viewer.role, "settings:manage") ? (
    <Link href="/settings/metrics" className="font-medium text-brand-700 hover:underline">
      Settings → Metrics
    </Link>
  ) : (
    "Settings → Metrics (admins)"
  );

  return (
    <>
      {header}
      <p className="mt-4 text-xs text-slate-500">
        {kpis.range.from} to {kpis.range.to}, compared with {kpis.previousRange.from} to {kpis.previousRange.to}.
      </p>
      <div className="mt-2 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        <KpiCard
          label="MRR"
          value={money(mrrKpi.value)}
          previous={money(mrrKpi.previous)}
          change={relativeChange(mrrKpi.value, mrrKpi.previous)}
          higherIsBetter
          note={KPI_NOTES.mrr}
          detail={`Net movement ${money(mrrKpi.movements.net)} from ${money(mrrKpi.startMrr)} at the start`}
        />
        <KpiCard
          label="Gross MRR churn"
          value={formatRate(gross.value)}
          previous={formatRate(gross.previous)}
          change={pointChange(gross.value, gross.previous)}
          higherIsBetter={false}
          note={KPI_NOTES.grossMrrChurn}
          detail={`${money(gross.churned)} churned + ${money(gross.contraction)} contraction`}
        />
        <KpiCard
          label="Net MRR churn"
          value={formatRate(net.value)}
          previous={formatRate(net.previous)}
          change={pointChange(net.value, net.previous)}
          higherIsBetter={false}
          note={KPI_NOTES.netMrrChurn}
          detail={`Less ${money(net.expansion)} expansion and ${money(net.reactivation)} reactivation`}
        />
        <KpiCard
          label="ARPA"
          value={money(arpa.value)}
          previous={money(arpa.previous)}
          change={relativeChange(arpa.value, arpa.previous)}
          higherIsBetter
          note={KPI_NOTES.arpa}
          detail={`${arpa.payingCustomers.toLocaleString("en-US")} paying customers at the end`}
        />
        <KpiCard
          label="LTV"
          value={money(ltv.value)}
          previous={money(ltv.previous)}
          change={relativeChange(ltv.value, ltv.previous)}
          higherIsBetter
          note={KPI_NOTES.ltv}
          detail={
            ltv.monthlyChurnRate === 0
              ? "No customer churned in the trailing months: no meaningful lifetime."
              : `Average monthly churn ${formatRate(ltv.monthlyChurnRate, 2)} over ${ltv.churnMonths[0]?.month ?? ""} to ${ltv.churnMonths.at(-1)?.month ?? ""}`
          }
        />
        <KpiCard
          label="LTV:CAC"
          value={formatRatio(ltvToCac.value)}
          previous={formatRatio(ltvToCac.previous)}
          change={absoluteChange(ltvToCac.value, ltvToCac.previous, (d) => `${d.toFixed(1)}×`)}
          higherIsBetter
          note={KPI_NOTES.ltvToCac}
          detail={
            ltvToCac.cac === null
              ? "No acquisition cost entered for these months."
              : `CAC ${money(ltvToCac.cac)} (${money(ltvToCac.spend)} / ${ltvToCac.customersAcquired.toLocaleString("en-US")} customers); guide: 3× or more`
          }
        />
      </div>

      <Card title={`MRR and its movements per ${query.granularity}`} className="mt-6">
        <MrrChart
          currency={currency}
          buckets={rows.map((r) => ({ label: r.label, complete: r.complete, endMrr: r.endMrr, ...r.movements }))}
        />
        <div className="mt-4">
          <MovementsTable rows={rows} currency={currency} />
        </div>
        <div className="mt-3">
          <HowComputed>
            <p>{KPI_NOTES.mrr}</p>
            <p>Gross MRR churn: {KPI_NOTES.grossMrrChurn}</p>
            <p>Net MRR churn: {KPI_NOTES.netMrrChurn}</p>
            <p>Each row is its own period P. The running period is paler and marked “so far”.</p>
          </HowComputed>
        </div>
      </Card>

      <Card title={`LTV:CAC per ${query.granularity}`} className="mt-6">
        {hasCac ? (
          <LtvCacChart points={labels.map((label, i) => ({ label, ltvToCac: series.values.ltvToCac[i] ?? null }))} />
        ) : (
          <p className="text-sm text-slate-700">
            LTV:CAC needs the acquisition cost: no month of this range has spend entered. Enter monthly spend (and
            optionally customers acquired) in {settingsLink}; LTV is shown below meanwhile.
          </p>
        )}
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-right text-sm">
            <caption className="sr-only">ARPA, LTV and LTV:CAC per period</caption>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2 text-left font-medium">Period</th>
                <th className="py-2 font-medium">ARPA</th>
                <th className="py-2 font-medium">LTV</th>
                <th className="py-2 font-medium">LTV:CAC</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {labels.map((label, i) => (
                <tr key={label}>
                  <th scope="row" className="py-1.5 text-left font-medium text-slate-700">
                    {label}
                    {complete[i] ? "" : " (so far)"}
                  </th>
                  <td className="py-1.5">{money(series.values.arpa[i] ?? null)}</td>
                  <td className="py-1.5">{money(series.values.ltv[i] ?? null)}</td>
                  <td className="py-1.5">{formatRatio(series.values.ltvToCac[i] ?? null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="mt-3">
          <HowComputed>
            <p>ARPA: {KPI_NOTES.arpa}</p>
            <p>LTV: {KPI_NOTES.ltv}</p>
            <p>LTV:CAC: {KPI_NOTES.ltvToCac}</p>
          </HowComputed>
        </div>
      </Card>
    </>
  );
}

const emptyMovements = { new: 0, expansion: 0, reactivation: 0, contraction: 0, churn: 0 };
