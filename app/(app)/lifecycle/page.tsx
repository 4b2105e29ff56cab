import type { Metadata } from "next";
import Link from "next/link";
import { type LifecycleBar, LifecycleChart, STATUS_COLORS } from "@/components/lifecycle/lifecycle-chart";
import { CustomerList } from "@/components/metrics/customer-list";
import { EventSelect } from "@/components/metrics/event-select";
import { HowComputed } from "@/components/metrics/how-computed";
import { PeriodField } from "@/components/metrics/period-select";
import { SegmentField } from "@/components/metrics/segment-select";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { requirePageRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { TooSlow } from "@/lib/errors";
import { formatNumber } from "@/lib/format";
import { lifecycleCustomers } from "@/lib/metrics/drilldown";
import { listEventCatalog } from "@/lib/metrics/event-catalog";
import {
  computeLifecycle,
  LIFECYCLE_STATUSES,
  type LifecycleStatus,
  lifecycleSearchParams,
  parseLifecycleQuery,
} from "@/lib/metrics/lifecycle";
import { LIFECYCLE_NOTES } from "@/lib/metrics/lifecycle-notes";
import { orTooSlow, withQueryBudget } from "@/lib/metrics/query-budget";
import { knownSegment, listSegmentChoices } from "@/lib/metrics/segment-filter";
import { paramReader, viewOrDefault } from "@/lib/metrics/view-params";

export const metadata: Metadata = { title: "Lifecycle" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function parseBar(value: unknown): { start: string; status: LifecycleStatus } | null {
  if (typeof value !== "string") return null;
  const [start, status] = value.split("~");
  if (!start || !/^\d{4}-\d{2}-\d{2}$/.test(start)) return null;
  if (!(LIFECYCLE_STATUSES as readonly string[]).includes(status ?? "")) return null;
  return { start, status: status as LifecycleStatus };
}

export default async function LifecyclePage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePageRole("analytics:read");
  const params = await searchParams;
  const scope = { workspaceId: viewer.workspace.id, timeZone: viewer.workspace.timeZone };
  const now = new Date();
  const parsed = viewOrDefault(
    () => parseLifecycleQuery(paramReader(params), now, scope.timeZone),
    () => parseLifecycleQuery(paramReader({}), now, scope.timeZone),
  );
  const db = await getDb();
  const segments = await listSegmentChoices(db, scope.workspaceId);
  const checked = knownSegment(parsed.query, segments);
  const query = checked.query;
  const problem = parsed.problem ?? checked.problem;
  const [outcome, catalog] = await Promise.all([
    orTooSlow(withQueryBudget(db, (tx) => computeLifecycle(tx, scope, query, now))),
    listEventCatalog(db, scope.workspaceId, now),
  ]);
  const result = outcome instanceof TooSlow ? { period: query.period, periods: [] } : outcome;
  const base = lifecycleSearchParams(query);
  const hrefFor: Record<string, string> = {};
  for (const p of result.periods) {
    for (const status of LIFECYCLE_STATUSES) {
      const href = new URLSearchParams(base);
      href.set("bar", `${p.start}~${status}`);
      hrefFor[`${p.start}~${status}`] = `?${href.toString()}#drilldown`;
    }
  }
  const bar = parseBar(params.bar);
  const listed =
    bar && !(outcome instanceof TooSlow)
      ? await orTooSlow(withQueryBudget(db, (tx) => lifecycleCustomers(tx, scope, query, bar, now)))
      : null;
  const tooSlow = outcome instanceof TooSlow ? outcome : listed instanceof TooSlow ? listed : null;
  const drilldown = listed instanceof TooSlow ? null : listed;
  const anyone = result.periods.some((p) => p.new + p.returning + p.resurrecting + p.dormant > 0);
  const bars: LifecycleBar[] = result.periods;
  return (
    <>
      <PageHeader
        title="Lifecycle"
        description={`New, returning, resurrecting and dormant customers per ${query.period}, in ${scope.timeZone}.`}
      />
      {problem ? (
        <div className="mb-4">
          <Notice tone="error">{problem} Showing the default view instead.</Notice>
        </div>
      ) : null}
      <form
        method="get"
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-3 xl:grid-cols-6"
      >
        <Field label="Active means" name="event">
          <EventSelect
            name="event"
            value={query.event}
            events={catalog.map((e) => e.name)}
            anyLabel="Any track, page or screen"
          />
        </Field>
        <PeriodField value={query.period} />
        <Field label="From" name="from">
          <TextInput type="date" name="from" defaultValue={query.from} required />
        </Field>
        <Field label="To" name="to">
          <TextInput type="date" name="to" defaultValue={query.to} required />
        </Field>
        <SegmentField value={query.segment} segments={segments} />
        <div className="flex items-end">
          <Button type="submit">Apply</Button>
        </div>
      </form>
      {tooSlow ? (
        <div className="mt-6">
          <Notice tone="error">{tooSlow.message}</Notice>
        </div>
      ) : null}
      {outcome instanceof TooSlow ? null : !anyone ? (
        <Card className="mt-6">
          <p className="text-sm text-slate-700">
            Nobody was active in this range. Widen the dates or pick another event; once events arrive through a source,
            each period shows who is new, who came back and who went quiet.
          </p>
        </Card>
      ) : (
        <Card title={`Customers per ${query.period}`} className="mt-6">
          <LifecycleChart periods={bars} hrefFor={hrefFor} />
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-right text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2 text-left font-medium">Period</th>
                  {LIFECYCLE_STATUSES.map((s) => (
                    <th key={s} className="py-2 font-medium">
                      <span
                        className="mr-1 inline-block size-2 rounded-full"
                        style={{ background: STATUS_COLORS[s] }}
                      />
                      {s}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.periods.map((p) => (
                  <tr key={p.start}>
                    <th scope="row" className="py-1.5 text-left font-medium text-slate-700">
                      {p.start}
                      {p.complete ? "" : " (so far)"}
                    </th>
                    {LIFECYCLE_STATUSES.map((s) => (
                      <td key={s} className="py-1.5 tabular-nums">
                        <Link
                          href={hrefFor[`${p.start}~${s}`] ?? "#"}
                          scroll={false}
                          className="text-brand-700 hover:underline"
                        >
                          {s === "dormant" && p[s] > 0 ? "−" : ""}
                          {formatNumber(p[s])}
                        </Link>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="mt-3">
            <HowComputed>
              {LIFECYCLE_NOTES.map((note) => (
                <p key={note}>{note}</p>
              ))}
            </HowComputed>
          </div>
        </Card>
      )}
      {bar && drilldown ? (
        <div id="drilldown" className="mt-6">
          <CustomerList
            page={drilldown}
            title={`${bar.status[0]?.toUpperCase()}${bar.status.slice(1)} in the ${query.period} of ${bar.start}`}
            closeHref={`?${base.toString()}`}
          />
        </div>
      ) : null}
    </>
  );
}
