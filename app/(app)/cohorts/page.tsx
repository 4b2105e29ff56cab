import type { Metadata } from "next";
import Link from "next/link";
import { parseCellParam } from "@/components/cohorts/cell-link";
import { CohortControls, type CohortView } from "@/components/cohorts/cohort-controls";
import { CohortHeatmap } from "@/components/cohorts/cohort-heatmap";
import { type Curve, RetentionCurves } from "@/components/cohorts/retention-curves";
import { CustomerList } from "@/components/metrics/customer-list";
import { HowComputed } from "@/components/metrics/how-computed";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePageRole } from "@/lib/auth/session";
import { listTraitKeys } from "@/lib/customers/trait-keys";
import { getDb } from "@/lib/db";
import { TooSlow } from "@/lib/errors";
import { cohortCellCustomers } from "@/lib/metrics/drilldown";
import { listEventCatalog } from "@/lib/metrics/event-catalog";
import { addPeriods, isComplete, localDate } from "@/lib/metrics/periods";
import { orTooSlow, withQueryBudget } from "@/lib/metrics/query-budget";
import { computeRetention, type RetentionResult } from "@/lib/metrics/retention";
import { RETENTION_NOTES } from "@/lib/metrics/retention-notes";
import { parseRetentionQuery, retentionSearchParams } from "@/lib/metrics/retention-query";
import { knownSegment, listSegmentChoices } from "@/lib/metrics/segment-filter";
import { paramReader, viewOrDefault } from "@/lib/metrics/view-params";

export const metadata: Metadata = { title: "Cohorts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Curves stop at the last complete period: a running week would look like a drop that is not there. */
function curvesOf(result: RetentionResult, today: string): Curve[] {
  const mean: Curve = { key: "mean", label: "Weighted mean", points: result.mean, emphasis: true };
  if (result.breakdowns.length > 0) {
    return [...result.breakdowns.map((b, i) => ({ key: `b${i}`, label: b.value, points: b.mean })), mean];
  }
  const recent = result.cohorts.filter((c) => c.size > 0).slice(-10);
  const complete = (start: string, k: number) => isComplete(addPeriods(start, result.period, k), result.period, today);
  return [
    ...recent.map((c, i) => ({
      key: `c${i}`,
      label: c.start,
      points: c.values.map((v, k) => (complete(c.start, k) ? v / c.size : null)),
    })),
    mean,
  ];
}

export default async function CohortsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePageRole("analytics:read");
  const params = await searchParams;
  const scope = { workspaceId: viewer.workspace.id, timeZone: viewer.workspace.timeZone };
  const now = new Date();
  const parsed = viewOrDefault(
    () => parseRetentionQuery(paramReader(params), now, scope.timeZone),
    () => parseRetentionQuery(paramReader({}), now, scope.timeZone),
  );
  const today = localDate(now, scope.timeZone);
  const view: CohortView = params.show === "counts" ? "counts" : "percent";
  const db = await getDb();
  const segments = await listSegmentChoices(db, scope.workspaceId);
  const checked = knownSegment(parsed.query, segments);
  const query = checked.query;
  const problem = parsed.problem ?? checked.problem;
  const [outcome, catalog, traits] = await Promise.all([
    orTooSlow(withQueryBudget(db, (tx) => computeRetention(tx, scope, query, now))),
    listEventCatalog(db, scope.workspaceId, now),
    listTraitKeys(db, scope.workspaceId),
  ]);
  const baseParams = retentionSearchParams(query);
  baseParams.set("show", view);
  const cell = parseCellParam(typeof params.cell === "string" ? params.cell : undefined);
  const returned = params.returned !== "false";
  const listed =
    cell && !(outcome instanceof TooSlow)
      ? await orTooSlow(withQueryBudget(db, (tx) => cohortCellCustomers(tx, scope, query, { ...cell, returned }, now)))
      : null;
  const tooSlow = outcome instanceof TooSlow ? outcome : listed instanceof TooSlow ? listed : null;
  const result: RetentionResult =
    outcome instanceof TooSlow ? { period: query.period, cohorts: [], mean: [], breakdowns: [] } : outcome;
  const drilldown = listed instanceof TooSlow ? null : listed;
  const total = result.cohorts.reduce((sum, c) => sum + c.size, 0);
  const csvHref = `/api/v1/metrics/retention?${retentionSearchParams(query).toString()}&format=csv`;
  const toggle = new URLSearchParams(baseParams);
  if (cell) toggle.set("cell", typeof params.cell === "string" ? params.cell : "");
  toggle.set("returned", returned ? "false" : "true");
  return (
    <>
      <PageHeader
        title="Cohorts"
        description={`Who comes back, and when. Periods are calendar ${query.period}s in ${scope.timeZone}.`}
        actions={
          <a href={csvHref} className="text-sm font-medium text-brand-700 hover:underline" download>
            Export CSV
          </a>
        }
      />
      {problem ? (
        <div className="mb-4">
          <Notice tone="error">{problem} Showing the default view instead.</Notice>
        </div>
      ) : null}
      <CohortControls
        query={query}
        view={view}
        events={catalog.map((e) => e.name)}
        traits={traits}
        segments={segments}
      />
      {tooSlow ? (
        <div className="mt-6">
          <Notice tone="error">{tooSlow.message}</Notice>
        </div>
      ) : null}
      {outcome instanceof TooSlow ? null : total === 0 ? (
        <Card className="mt-6">
          <p className="text-sm text-slate-700">
            No customers started in this range. Widen the dates, pick another start event, or send events through a
            source (Settings → Sources) and they will form cohorts here.
          </p>
        </Card>
      ) : (
        <>
          <Card title="Retention by cohort" className="mt-6">
            <CohortHeatmap result={result} view={view} baseParams={baseParams} selected={cell} today={today} />
            <div className="mt-3">
              <HowComputed>
                {RETENTION_NOTES.map((note) => (
                  <p key={note}>{note}</p>
                ))}
              </HowComputed>
            </div>
          </Card>
          <Card title="Retention curves" className="mt-6">
            <RetentionCurves curves={curvesOf(result, today)} periodLabel={query.period} />
          </Card>
        </>
      )}
      {cell && drilldown ? (
        <div id="drilldown" className="mt-6 space-y-2">
          {cell.offset > 0 ? (
            <Link
              href={`?${toggle.toString()}#drilldown`}
              scroll={false}
              className="text-sm text-brand-700 hover:underline"
            >
              {returned ? "Show the customers of this cohort who did not return" : "Show the customers who returned"}
            </Link>
          ) : null}
          <CustomerList
            page={drilldown}
            title={`${returned ? "Counted in" : "Did not return to"} ${cell.cohort}${cell.breakdown ? ` (${cell.breakdown})` : ""}, ${query.period} ${cell.offset}`}
            closeHref={`?${baseParams.toString()}`}
          />
        </div>
      ) : null}
    </>
  );
}
