import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { CohortSection } from "@/components/overview/cohort-section";
import { KpiSection } from "@/components/overview/kpi-section";
import { LifecycleSection } from "@/components/overview/lifecycle-section";
import { RangeForm } from "@/components/overview/range-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Stat } from "@/components/ui/stat";
import { can } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatDateTime, formatMoney, formatNumber } from "@/lib/format";
import type { DateRange } from "@/lib/metrics/kpis";
import { addDays, localToday, monthStart } from "@/lib/metrics/kpis/period";
import { parseKpiQuery } from "@/lib/metrics/kpis/query";
import { loadMetricContext } from "@/lib/metrics/settings";
import { recentEvents, workspaceSummary } from "@/lib/metrics/summary";
import { paramReader, viewOrDefault } from "@/lib/metrics/view-params";

export const metadata: Metadata = { title: "Overview" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function Loading({ what }: { what: string }) {
  return (
    <div aria-busy="true" className="space-y-2">
      <p className="text-sm text-slate-600">Computing {what}…</p>
      <div className="h-32 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}

/** P from the URL; by default the last 30 days including today. A bad range says so and falls back. */
function rangeFrom(params: Record<string, string | string[] | undefined>, today: string) {
  const fallback = (): DateRange => ({ from: addDays(today, -29), to: today });
  const { get } = paramReader(params);
  if (get("from") === null && get("to") === null) return { query: fallback(), problem: null };
  const query = new URLSearchParams();
  for (const key of ["from", "to"]) {
    const value = get(key);
    if (value !== null) query.set(key, value);
  }
  return viewOrDefault(() => parseKpiQuery(query), fallback);
}

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePageRole("home:read");
  const db = await getDb();
  const now = new Date();
  const params = await searchParams;
  const tz = viewer.workspace.timeZone;
  const today = localToday(now, tz);
  const { query: range, problem } = rangeFrom(params, today);
  const analytics = can(viewer.role, "analytics:read");
  const scope = { workspaceId: viewer.workspace.id, timeZone: tz };
  const context = analytics ? await loadMetricContext(db, viewer.workspace.id) : null;
  const lastMonth = { from: monthStart(today, -1), to: addDays(monthStart(today), -1) };
  const presets = [
    { label: "Last 7 days", from: addDays(today, -6), to: today },
    { label: "Last 30 days", from: addDays(today, -29), to: today },
    { label: "Last 90 days", from: addDays(today, -89), to: today },
    { label: "Last month", ...lastMonth },
  ];
  return (
    <>
      <PageHeader
        title="Overview"
        description={
          analytics
            ? `${viewer.workspace.name}: ${range.from} to ${range.to} (${tz}), compared with the same number of days before.`
            : `${viewer.workspace.name} at a glance.`
        }
        actions={analytics ? <RangeForm from={range.from} to={range.to} presets={presets} /> : null}
      />
      {problem ? (
        <div className="mb-4">
          <Notice tone="error">{problem}. Showing the last 30 days instead.</Notice>
        </div>
      ) : null}
      {analytics && context ? (
        <>
          <Suspense key={`${range.from}|${range.to}`} fallback={<Loading what="the KPIs" />}>
            <KpiSection context={context} range={range} currency={viewer.workspace.currency} now={now} />
          </Suspense>
          <div className="mt-6 grid gap-6 2xl:grid-cols-2">
            <Card title="Weekly cohorts, last 12 weeks">
              <Suspense fallback={<Loading what="cohorts" />}>
                <CohortSection scope={scope} now={now} />
              </Suspense>
            </Card>
            <Card title="Lifecycle, last 12 weeks">
              <Suspense fallback={<Loading what="the lifecycle" />}>
                <LifecycleSection scope={scope} now={now} />
              </Suspense>
            </Card>
          </div>
        </>
      ) : null}
      <WorkspaceActivity
        workspaceId={viewer.workspace.id}
        timeZone={tz}
        currency={viewer.workspace.currency}
        now={now}
      />
    </>
  );
}

/** Workspace totals over the last 30 days and the latest events: the part every role sees. */
async function WorkspaceActivity({
  workspaceId,
  timeZone,
  currency,
  now,
}: {
  workspaceId: string;
  timeZone: string;
  currency: string;
  now: Date;
}) {
  const db = await getDb();
  const [summary, latest] = await Promise.all([workspaceSummary(db, workspaceId, now), recentEvents(db, workspaceId)]);
  const tz = timeZone;
  const window = `the last ${summary.windowDays} days (today included, ${tz})`;
  return (
    <>
      <h2 className="mt-8 mb-3 text-sm font-semibold text-slate-700">Workspace activity over {window}</h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat
          label="Customers"
          value={formatNumber(summary.customers)}
          note="Every customer profile; identities merged into one profile count once."
        />
        <Stat
          label="Active customers"
          value={formatNumber(summary.activeCustomers)}
          note={`Customers with at least one track, page or screen event in ${window}.`}
        />
        <Stat label="Events" value={formatNumber(summary.events)} note={`Events of any type received for ${window}.`} />
        <Stat
          label="Revenue"
          value={formatMoney(summary.revenue, currency)}
          note={`Revenue of ${formatNumber(summary.orders)} "Order Completed" orders in ${window}; an order_id counts once.`}
        />
      </div>
      <Card title="Latest events" className="mt-6">
        {latest.length === 0 ? (
          <p className="text-sm text-slate-600">
            No events yet. Create a source and send events to the tracking API, or import a CSV, and they appear here.
          </p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2 font-medium">When</th>
                <th className="py-2 font-medium">Customer</th>
                <th className="py-2 font-medium">Event</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {latest.map((event) => (
                <tr key={event.id}>
                  <td className="py-2 whitespace-nowrap text-slate-600">{formatDateTime(event.timestamp, tz)}</td>
                  <td className="py-2">
                    <Link href={`/customers/${event.customerId}`} className="text-brand-600 hover:underline">
                      {event.customerLabel}
                    </Link>
                  </td>
                  <td className="py-2">
                    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{event.type}</span>{" "}
                    {event.name ?? ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
