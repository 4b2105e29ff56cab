/**
 * Timed without a raw-events counterpart: the KPI report (lib/metrics/kpis, all Overview KPIs over the last 30
 * days and the 30 before) and every data function the Overview page awaits for its default view (KPI cards
 * with their 12-week trend, 12 weekly cohorts, the lifecycle, workspace activity), started together as the
 * page's Suspense sections start them: the database part of the page's server render.
 */
import type { Db } from "@/lib/db/client";
import { computeKpis, kpiSeries } from "@/lib/metrics/kpis";
import { addDays, localToday } from "@/lib/metrics/kpis/period";
import { computeLifecycle } from "@/lib/metrics/lifecycle";
import { ANY_EVENT } from "@/lib/metrics/metric-query";
import { addPeriods, periodStart } from "@/lib/metrics/periods";
import { withQueryBudget } from "@/lib/metrics/query-budget";
import { computeRetention } from "@/lib/metrics/retention";
import { loadMetricContext } from "@/lib/metrics/settings";
import { recentEvents, workspaceSummary } from "@/lib/metrics/summary";

export type ExtraCase = { name: string; run(db: Db): Promise<unknown> };

export function extraCases(workspaceId: string, now: Date, timeZone: string): ExtraCase[] {
  const today = localToday(now, timeZone);
  return [
    {
      name: "KPI report (computeKpis), last 30 days + previous 30",
      run: async (db) =>
        computeKpis(db, await loadMetricContext(db, workspaceId), { from: addDays(today, -29), to: today }, { now }),
    },
    {
      name: "Overview page, default view: every query its sections await",
      run: async (db) => {
        const context = await loadMetricContext(db, workspaceId);
        const range = { from: addDays(today, -29), to: today };
        const trendEnd = addDays(periodStart(addDays(range.to, 1), "week"), -1);
        const twelveWeeks = addPeriods(periodStart(today, "week"), "week", -11);
        const scope = { workspaceId, timeZone };
        return Promise.all([
          computeKpis(db, context, range, { now }),
          kpiSeries(db, context, { from: addDays(trendEnd, -83), to: trendEnd }, "week", { now }),
          withQueryBudget(db, (tx) =>
            computeRetention(
              tx,
              scope,
              {
                period: "week",
                from: twelveWeeks,
                to: today,
                startEvent: ANY_EVENT,
                returnEvent: ANY_EVENT,
                mode: "first_time",
                cumulative: false,
                breakdown: null,
              },
              now,
            ),
          ),
          withQueryBudget(db, (tx) =>
            computeLifecycle(tx, scope, { period: "week", from: twelveWeeks, to: today, event: ANY_EVENT }, now),
          ),
          workspaceSummary(db, workspaceId, now),
          recentEvents(db, workspaceId),
        ]);
      },
    },
  ];
}
