import type { Metadata } from "next";
import { MissingEvents } from "@/components/engagement/missing-events";
import { ReachBars } from "@/components/engagement/reach-bars";
import { TtfvChart } from "@/components/engagement/ttfv-chart";
import { HowComputed } from "@/components/metrics/how-computed";
import { KpiCard } from "@/components/metrics/kpi-card";
import { absoluteChange, formatDuration, formatRate, pointChange } from "@/components/metrics/kpi-format";
import { bucketLabel } from "@/components/revenue/bucket-label";
import { RangeControls } from "@/components/revenue/range-controls";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { can } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatNumber } from "@/lib/format";
import { listEventCatalog } from "@/lib/metrics/event-catalog";
import { onboardingCompletionRate, reachRate } from "@/lib/metrics/kpis/engagement";
import { KPI_NOTES } from "@/lib/metrics/kpis/notes";
import { localToday } from "@/lib/metrics/kpis/period";
import { lastTwelveWeeks, parseRangeQuery } from "@/lib/metrics/kpis/range-query";
import { signupCohorts } from "@/lib/metrics/kpis/signup-cohorts";
import { loadMetricContext } from "@/lib/metrics/settings";
import { paramReader, viewOrDefault } from "@/lib/metrics/view-params";

export const metadata: Metadata = { title: "Engagement" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EngagementPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePageRole("analytics:read");
  const params = await searchParams;
  const { get } = paramReader(params);
  const now = new Date();
  const tz = viewer.workspace.timeZone;
  const defaults = lastTwelveWeeks(now, tz);
  const { query, problem } = viewOrDefault(
    () => parseRangeQuery(get, defaults),
    () => defaults,
  );
  const db = await getDb();
  const context = await loadMetricContext(db, viewer.workspace.id);
  const { settings } = context;
  const catalog = await listEventCatalog(db, viewer.workspace.id, now);
  const received = new Set(catalog.map((e) => e.name));
  const missing = (names: readonly string[]) => names.filter((n) => !received.has(n));
  const canEdit = can(viewer.role, "settings:manage");
  const report = await signupCohorts(db, context, query.range, query.granularity, now);
  const { whole, previous } = report;
  const today = localToday(now, tz);
  const window = `${settings.onboardingWindowDays} days`;
  const signupMeaning = settings.signupEvent ? `the “${settings.signupEvent}” event` : "their first event";

  return (
    <>
      <PageHeader
        title="Engagement"
        description={`How fast signups reach value and how far they get through onboarding, per ${query.granularity} of signup in ${tz}.`}
      />
      {problem ? (
        <div className="mb-4">
          <Notice tone="error">{problem} Showing the last 12 weeks instead.</Notice>
        </div>
      ) : null}
      <RangeControls query={query} fromLabel="Signups from" toLabel="Signups to" granularityLabel="Cohort per" />

      {whole.signups === 0 ? (
        <Card title="No signups in this range" className="mt-6 space-y-2">
          <p className="text-sm text-slate-700">
            A customer signs up with {signupMeaning}; nobody did between {query.range.from} and {query.range.to}. Widen
            the dates, or send signups from your product.
          </p>
          <MissingEvents
            names={missing(settings.signupEvent ? [settings.signupEvent] : [])}
            what="every signup cohort"
            canEdit={canEdit}
          />
        </Card>
      ) : (
        <>
          <p className="mt-4 text-xs text-slate-500">
            {formatNumber(whole.signups)} customers signed up from {query.range.from} to {query.range.to} (signup =
            {` ${signupMeaning}`}), compared with {report.previousRange.from} to {report.previousRange.to}.
            {whole.windowOpen > 0
              ? ` ${formatNumber(whole.windowOpen)} of them are still inside their ${window} window: their numbers may still rise.`
              : ""}
          </p>
          <div className="mt-2 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            <KpiCard
              label="Time to first value (median)"
              value={formatDuration(whole.timeToFirstValue.medianSeconds)}
              previous={formatDuration(previous.timeToFirstValue.medianSeconds)}
              change={absoluteChange(
                whole.timeToFirstValue.medianSeconds,
                previous.timeToFirstValue.medianSeconds,
                formatDuration,
              )}
              higherIsBetter={false}
              note={KPI_NOTES.timeToFirstValue}
              detail={`p90 ${formatDuration(whole.timeToFirstValue.p90Seconds)}`}
            />
            <KpiCard
              label="Activated"
              value={formatRate(whole.timeToFirstValue.activationRate)}
              previous={formatRate(previous.timeToFirstValue.activationRate)}
              change={pointChange(whole.timeToFirstValue.activationRate, previous.timeToFirstValue.activationRate)}
              higherIsBetter
              note={KPI_NOTES.timeToFirstValue}
              detail={`${formatNumber(whole.timeToFirstValue.activated)} activated, ${formatNumber(whole.timeToFirstValue.notActivated)} not activated`}
            />
            <KpiCard
              label="Onboarding completion"
              value={formatRate(onboardingCompletionRate(whole))}
              previous={formatRate(onboardingCompletionRate(previous))}
              change={pointChange(onboardingCompletionRate(whole), onboardingCompletionRate(previous))}
              higherIsBetter
              note={KPI_NOTES.onboardingCompletion}
              detail={`${formatNumber(whole.onboardingCompleted)} of ${formatNumber(whole.signups)} signups completed every step`}
            />
            <KpiCard
              label="Signups"
              value={formatNumber(whole.signups)}
              previous={formatNumber(previous.signups)}
              change={null}
              higherIsBetter={null}
              note={`Customers whose first signup (${signupMeaning}) falls in the range. ${KPI_NOTES.period}`}
            />
          </div>

          <Card title={`Time to first value per ${query.granularity} of signup`} className="mt-6 space-y-4">
            <MissingEvents names={missing(settings.activationEvents)} what="activation" canEdit={canEdit} />
            {settings.activationEvents.length === 0 ? (
              <p className="text-sm text-slate-700">No activation event is configured, so nobody can activate.</p>
            ) : whole.timeToFirstValue.activated > 0 ? (
              <TtfvChart
                cohorts={report.cohorts.map((c) => ({
                  label: bucketLabel(c.range, query.granularity),
                  medianSeconds: c.stats.timeToFirstValue.medianSeconds,
                  p90Seconds: c.stats.timeToFirstValue.p90Seconds,
                }))}
              />
            ) : (
              <p className="text-sm text-slate-700">Nobody who signed up in this range has activated yet.</p>
            )}
            <div className="overflow-x-auto">
              <table className="w-full text-right text-sm">
                <caption className="sr-only">Time to first value per signup cohort</caption>
                <thead className="text-xs uppercase text-slate-500">
                  <tr>
                    <th className="py-2 text-left font-medium">Signup cohort</th>
                    <th className="py-2 font-medium">Signups</th>
                    <th className="py-2 font-medium">Activated</th>
                    <th className="py-2 font-medium">Not activated</th>
                    <th className="py-2 font-medium">Activation rate</th>
                    <th className="py-2 font-medium">Median</th>
                    <th className="py-2 font-medium">p90</th>
                    <th className="py-2 font-medium">Onboarded</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 tabular-nums">
                  {report.cohorts.map(({ range, stats }) => (
                    <tr key={range.from}>
                      <th scope="row" className="py-1.5 text-left font-medium whitespace-nowrap text-slate-700">
                        {bucketLabel(range, query.granularity)}
                        {range.to >= today ? " (so far)" : ""}
                        {stats.windowOpen > 0 ? (
                          <span className="ml-1 text-xs font-normal text-slate-500">
                            {formatNumber(stats.windowOpen)} in window
                          </span>
                        ) : null}
                      </th>
                      <td className="py-1.5">{formatNumber(stats.signups)}</td>
                      <td className="py-1.5">{formatNumber(stats.timeToFirstValue.activated)}</td>
                      <td className="py-1.5">{formatNumber(stats.timeToFirstValue.notActivated)}</td>
                      <td className="py-1.5">{formatRate(stats.timeToFirstValue.activationRate)}</td>
                      <td className="py-1.5">{formatDuration(stats.timeToFirstValue.medianSeconds)}</td>
                      <td className="py-1.5">{formatDuration(stats.timeToFirstValue.p90Seconds)}</td>
                      <td className="py-1.5">{formatRate(onboardingCompletionRate(stats))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <HowComputed>
              <p>{KPI_NOTES.timeToFirstValue}</p>
              <p>Onboarded: {KPI_NOTES.onboardingCompletion}</p>
              <p>
                “In window” counts the cohort’s customers whose {window} onboarding window has not ended yet. A cohort
                with no activated customer has no median (—), not a zero.
              </p>
            </HowComputed>
          </Card>

          <div className="mt-6 grid gap-6 xl:grid-cols-2">
            <Card title={`Onboarding funnel (within ${window} of signup)`} className="space-y-3">
              <MissingEvents
                names={missing(settings.onboardingSteps)}
                what="the funnel from that step on"
                canEdit={canEdit}
              />
              {settings.onboardingSteps.length === 0 ? (
                <p className="text-sm text-slate-700">No onboarding steps are configured.</p>
              ) : (
                <ReachBars
                  ariaLabel="Onboarding funnel: customers who performed steps 1 to k, as a share of signups"
                  color="#2f6fed"
                  rows={[
                    { label: "Signed up", customers: whole.signups, rate: 1 },
                    ...whole.onboardingSteps.map((s, k) => ({
                      label: `${k + 1}. ${s.event}`,
                      customers: s.customers,
                      rate: reachRate(s, whole.signups),
                    })),
                  ]}
                />
              )}
              <HowComputed>
                <p>{KPI_NOTES.onboardingCompletion}</p>
              </HowComputed>
            </Card>
            <Card title={`Feature activation (within ${window} of signup)`} className="space-y-3">
              <MissingEvents names={missing(settings.coreFeatureEvents)} what="its activation rate" canEdit={canEdit} />
              {settings.coreFeatureEvents.length === 0 ? (
                <p className="text-sm text-slate-700">No core feature events are configured.</p>
              ) : (
                <ReachBars
                  ariaLabel="Feature activation: share of signups who used each core feature"
                  color="#14b8a6"
                  rows={whole.features.map((f) => ({
                    label: f.event,
                    customers: f.customers,
                    rate: reachRate(f, whole.signups),
                  }))}
                />
              )}
              <HowComputed>
                <p>{KPI_NOTES.featureActivation}</p>
              </HowComputed>
            </Card>
          </div>
        </>
      )}
    </>
  );
}
