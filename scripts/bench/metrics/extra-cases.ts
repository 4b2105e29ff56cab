/**
 * Timed without a raw-events counterpart: the KPI report (lib/metrics/kpis, all Overview KPIs over the last 30
 * days and the 30 before) and the data functions the Overview page calls today (workspace summary and latest
 * events; the page has no KPI cards yet, so this is not the server render the 1 s target is about).
 */
import type { Db } from "@/lib/db/client";
import { computeKpis } from "@/lib/metrics/kpis";
import { addDays, localToday } from "@/lib/metrics/kpis/period";
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
      name: "Overview page data today (workspaceSummary + recentEvents, no KPIs)",
      run: async (db) => Promise.all([workspaceSummary(db, workspaceId, now), recentEvents(db, workspaceId)]),
    },
  ];
}
