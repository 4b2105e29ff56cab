import type { Metadata } from "next";
import Link from "next/link";
import { HowComputed } from "@/components/metrics/how-computed";
import { KpiCard } from "@/components/metrics/kpi-card";
import {
  absoluteChange,
  formatDuration,
  formatRate,
  pointChange,
  relativeChange,
} from "@/components/metrics/kpi-format";
import { bucketLabel } from "@/components/revenue/bucket-label";
import { BacklogTable } from "@/components/support/backlog-card";
import { CategoryTable } from "@/components/support/category-table";
import { ChargeTimingTable } from "@/components/support/charge-timing-table";
import { ChurnTable } from "@/components/support/churn-table";
import { SearchQueryTable } from "@/components/support/help-center-tables";
import { PeriodTable } from "@/components/support/period-table";
import { RepeatIssuesTable } from "@/components/support/repeat-issues";
import { ResolutionChart } from "@/components/support/resolution-chart";
import { StatCard } from "@/components/support/stat-card";
import { SupportControls } from "@/components/support/support-controls";
import { VolumeChart } from "@/components/support/volume-chart";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { can } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatNumber } from "@/lib/format";
import { localToday } from "@/lib/metrics/kpis/period";
import { orTooSlow, withQueryBudget } from "@/lib/metrics/query-budget";
import { loadMetricContext } from "@/lib/metrics/settings";
import { paramReader, viewOrDefault } from "@/lib/metrics/view-params";
import { describeSupportHours } from "@/lib/support/hours";
import { loadSupportHours } from "@/lib/support/hours-store";
import { SUPPORT_NOTES } from "@/lib/support/notes";
import { defaultSupportQuery, parseSupportPageQuery } from "@/lib/support/query";
import { computeSupportReport } from "@/lib/support/report";
import type { DurationStats } from "@/lib/support/ticket-stats";

export const metadata: Metadata = { title: "Support" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const durationChange = (value: DurationStats, previous: DurationStats) =>
  absoluteChange(value.medianSeconds, previous.medianSeconds, (d) => formatDuration(d));

const hoursOf = (d: DurationStats) => (d.medianSeconds === null ? null : d.medianSeconds / 3600);

export default async function SupportPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePageRole("support:read");
  const { get } = paramReader(await searchParams);
  const now = new Date();
  const tz = viewer.workspace.timeZone;
  const defaults = defaultSupportQuery(now, tz);
  const { query, problem } = viewOrDefault(
    () => parseSupportPageQuery(get, defaults),
    () => defaults,
  );
  const db = await getDb();
  const context = await loadMetricContext(db, viewer.workspace.id);
  const hours = await loadSupportHours(db, viewer.workspace.id);
  const hoursLabel = describeSupportHours(hours.hours);
  const isAdmin = can(viewer.role, "settings:manage");
  const report = await orTooSlow(withQueryBudget(db, (tx) => computeSupportReport(tx, context, hours, query, now)));

  const header = (
    <>
      <PageHeader
        title="Support"
        description={`Tickets created from ${query.range.from} to ${query.range.to}, per ${query.granularity} in ${tz}: how fast they are answered and solved, what keeps coming back, and who churns after writing in.`}
      />
      {problem ? (
        <div className="mb-4">
          <Notice tone="error">{problem} Showing the last 12 months instead.</Notice>
        </div>
      ) : null}
      <SupportControls query={query} hoursLabel={hoursLabel} />
    </>
  );
  if (!("totals" in report)) {
    return (
      <>
        {header}
        <div className="mt-6">
          <Notice tone="error">{report.message}</Notice>
        </div>
      </>
    );
  }

  const { totals, previous, backlog, churn, helpCenter } = report;
  if (totals.tickets === 0 && backlog.open === 0 && previous.totals.tickets === 0) {
    return (
      <>
        {header}
        <Card title="No tickets in this range" className="mt-6">
          <p className="text-sm text-slate-700">
            No ticket was created between {query.range.from} and {query.range.to}, and none is open. Pick a wider range
            above, or send your help desk&apos;s tickets to Tenure with <code>POST /api/v1/tickets</code> (the tracking
            API&apos;s write key) or a CSV import; see the API reference.
          </p>
        </Card>
      </>
    );
  }

  const today = localToday(now, tz);
  const labels = report.buckets.map((b) => bucketLabel(b, query.granularity));
  const complete = report.buckets.map((b) => b.to < today);
  const business = query.hours === "business";
  const unitNote = business
    ? `In business hours (${hoursLabel}${hours.isDefault ? ", the default" : ""}).`
    : "In calendar hours.";
  const hoursSettings = isAdmin ? (
    <Link href="/settings/support-hours" className="font-medium text-brand-700 hover:underline">
      Settings → Support hours
    </Link>
  ) : (
    "Settings → Support hours (admins)"
  );

  return (
    <>
      {header}
      <p className="mt-4 text-xs text-slate-500">
        Compared with {previous.range.from} to {previous.range.to}. {unitNote}
      </p>
      <div className="mt-2 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        <KpiCard
          label="Tickets created"
          value={formatNumber(totals.tickets)}
          previous={formatNumber(previous.totals.tickets)}
          change={relativeChange(totals.tickets, previous.totals.tickets)}
          higherIsBetter={null}
          note={SUPPORT_NOTES.volume}
          detail={`${formatNumber(totals.fullResolution.missing)} of them open now`}
        />
        <StatCard
          label="Open backlog now"
          value={formatNumber(backlog.open)}
          note={SUPPORT_NOTES.backlog}
          detail={
            backlog.open === 0
              ? "Nothing waiting."
              : `Median age ${formatDuration(backlog.medianAgeSeconds)}, oldest ${formatDuration(backlog.oldestAgeSeconds)}`
          }
        />
        <KpiCard
          label="First response (median)"
          value={formatDuration(totals.firstResponse.medianSeconds)}
          previous={formatDuration(previous.totals.firstResponse.medianSeconds)}
          change={durationChange(totals.firstResponse, previous.totals.firstResponse)}
          higherIsBetter={false}
          note={SUPPORT_NOTES.firstResponse}
          detail={`p90 ${formatDuration(totals.firstResponse.p90Seconds)}; ${formatNumber(totals.firstResponse.missing)} not answered yet`}
        />
        <KpiCard
          label="First resolution (median)"
          value={formatDuration(totals.firstResolution.medianSeconds)}
          previous={formatDuration(previous.totals.firstResolution.medianSeconds)}
          change={durationChange(totals.firstResolution, previous.totals.firstResolution)}
          higherIsBetter={false}
          note={SUPPORT_NOTES.firstResolution}
          detail={`p90 ${formatDuration(totals.firstResolution.p90Seconds)}; ${formatNumber(totals.firstResolution.missing)} never solved`}
        />
        <KpiCard
          label="Full resolution (median)"
          value={formatDuration(totals.fullResolution.medianSeconds)}
          previous={formatDuration(previous.totals.fullResolution.medianSeconds)}
          change={durationChange(totals.fullResolution, previous.totals.fullResolution)}
          higherIsBetter={false}
          note={SUPPORT_NOTES.fullResolution}
          detail={`p90 ${formatDuration(totals.fullResolution.p90Seconds)}; ${formatNumber(totals.fullResolution.missing)} open now`}
        />
        <KpiCard
          label="Reopen rate"
          value={formatRate(totals.reopen.rate)}
          previous={formatRate(previous.totals.reopen.rate)}
          change={pointChange(totals.reopen.rate, previous.totals.reopen.rate)}
          higherIsBetter={false}
          note={SUPPORT_NOTES.reopen}
          detail={`${formatNumber(totals.reopen.numerator)} of ${formatNumber(totals.reopen.denominator)} solved tickets`}
        />
        <KpiCard
          label="CSAT"
          value={formatRate(totals.csat.rate)}
          previous={formatRate(previous.totals.csat.rate)}
          change={pointChange(totals.csat.rate, previous.totals.csat.rate)}
          higherIsBetter
          note={SUPPORT_NOTES.csat}
          detail={
            totals.csat.denominator === 0
              ? "No rated tickets."
              : `${formatNumber(totals.csat.denominator)} ratings, average ${(totals.csat.average ?? 0).toFixed(1)} of 5`
          }
        />
        <KpiCard
          label="Repeat issues"
          value={formatRate(totals.repeat.rate)}
          previous={formatRate(previous.totals.repeat.rate)}
          change={pointChange(totals.repeat.rate, previous.totals.repeat.rate)}
          higherIsBetter={false}
          note={SUPPORT_NOTES.repeat}
          detail={`${formatNumber(totals.repeat.numerator)} of ${formatNumber(totals.repeat.denominator)} tickets`}
        />
        <KpiCard
          label="Follow-up after solving"
          value={formatRate(totals.followUp.rate)}
          previous={formatRate(previous.totals.followUp.rate)}
          change={pointChange(totals.followUp.rate, previous.totals.followUp.rate)}
          higherIsBetter
          note={SUPPORT_NOTES.followUp}
          detail={`${formatNumber(totals.followUp.numerator)} of ${formatNumber(totals.followUp.denominator)} solved tickets${totals.followUp.windowOpen > 0 ? `; ${formatNumber(totals.followUp.windowOpen)} solved in the last 48 h wait` : ""}`}
        />
      </div>

      <Card title={`Tickets per ${query.granularity}`} className="mt-6">
        <div className="grid gap-6 lg:grid-cols-2">
          <div>
            <h3 className="mb-1 text-xs font-semibold uppercase text-slate-500">By category</h3>
            <VolumeChart
              label={`Tickets per ${query.granularity} by category`}
              series={report.categories}
              points={report.buckets.map((b, i) => ({ label: labels[i] ?? "", counts: b.byCategory }))}
            />
          </div>
          <div>
            <h3 className="mb-1 text-xs font-semibold uppercase text-slate-500">By channel</h3>
            <VolumeChart
              label={`Tickets per ${query.granularity} by channel`}
              series={report.channels}
              points={report.buckets.map((b, i) => ({ label: labels[i] ?? "", counts: b.byChannel }))}
            />
          </div>
        </div>
        <div className="mt-3">
          <HowComputed>
            <p>{SUPPORT_NOTES.scope}</p>
            <p>{SUPPORT_NOTES.volume}</p>
          </HowComputed>
        </div>
      </Card>

      {report.chargeTiming.rows.some((r) => r.withCharge > 0) ? (
        <Card title="When tickets come: days since the customer's latest charge" className="mt-6">
          <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
            <VolumeChart
              label="Tickets by whole days since the customer's latest subscription charge, by category"
              series={report.categories}
              points={report.chargeTiming.histogram.map((b) => ({ label: b.day, counts: b.counts }))}
            />
            <ChargeTimingTable rows={report.chargeTiming.rows} />
          </div>
          <div className="mt-3">
            <HowComputed>
              <p>{SUPPORT_NOTES.chargeTiming}</p>
            </HowComputed>
          </div>
        </Card>
      ) : null}

      <Card title={`Response and resolution times per ${query.granularity}`} className="mt-6">
        <ResolutionChart
          unit={business ? "business hours" : "hours"}
          points={report.buckets.map((b, i) => ({
            label: labels[i] ?? "",
            firstResponse: hoursOf(b.stats.firstResponse),
            firstResolution: hoursOf(b.stats.firstResolution),
            fullResolution: hoursOf(b.stats.fullResolution),
          }))}
        />
        <div className="mt-4">
          <PeriodTable
            rows={report.buckets.map((b, i) => ({
              label: labels[i] ?? "",
              complete: complete[i] ?? false,
              stats: b.stats,
            }))}
          />
        </div>
        <div className="mt-3">
          <HowComputed>
            <p>First response: {SUPPORT_NOTES.firstResponse}</p>
            <p>First resolution: {SUPPORT_NOTES.firstResolution}</p>
            <p>Full resolution: {SUPPORT_NOTES.fullResolution}</p>
            <p>
              {SUPPORT_NOTES.businessHours} Hours now: {hoursLabel}
              {hours.isDefault ? " (the default)" : ""}; change them in {hoursSettings}.
            </p>
          </HowComputed>
        </div>
      </Card>

      <Card title="By category" className="mt-6">
        <CategoryTable rows={report.byCategory} totals={totals} range={query.range} />
        <p className="mt-2 text-xs text-slate-500">Times are median / 90th percentile. A category opens its tickets.</p>
      </Card>

      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <Card title="Repeat issues: where content or onboarding is missing">
          {totals.tickets === 0 ? (
            <p className="text-sm text-slate-700">No tickets in this range.</p>
          ) : (
            <RepeatIssuesTable rows={report.repeatIssues} range={query.range} />
          )}
          <div className="mt-3">
            <HowComputed>
              <p>{SUPPORT_NOTES.repeat}</p>
            </HowComputed>
          </div>
        </Card>
        <Card title="Open backlog now">
          <BacklogTable backlog={backlog} />
          <div className="mt-3">
            <HowComputed>
              <p>{SUPPORT_NOTES.backlog}</p>
            </HowComputed>
          </div>
        </Card>
      </div>

      <Card title="Ticket-driven churn (a correlation)" className="mt-6">
        <p className="mb-3 text-sm text-slate-700">
          Churn within {churn.windowDays} days after a customer&apos;s ticket, next to customers without a ticket in the
          same kind of window. {SUPPORT_NOTES.correlation}
        </p>
        {churn.withTicket.customers === 0 && churn.withoutTicket.customers === 0 ? (
          <p className="text-sm text-slate-700">
            No 60-day window of this range has ended yet: pick a range that ends at least 60 days ago.
          </p>
        ) : (
          <ChurnTable churn={churn} range={query.range} />
        )}
        <p className="mt-2 text-xs text-slate-500">
          Active customer means{" "}
          {churn.basis === "subscription"
            ? "an active subscription"
            : "activity within the inactivity window (the workspace has no subscription events)"}
          . Left out: {formatNumber(churn.windowOpen)} customers whose 60 days have not passed,{" "}
          {formatNumber(churn.inactiveAtTicket)} who were not active when they wrote in.
        </p>
        <div className="mt-3">
          <HowComputed>
            <p>{SUPPORT_NOTES.churn}</p>
          </HowComputed>
        </div>
      </Card>

      <Card title="Help-center gaps" className="mt-6">
        {helpCenter.searches === 0 ? (
          <p className="text-sm text-slate-700">
            No help-center searches in this range. Send a <code>Help Center Searched</code> event with{" "}
            <code>query</code> and <code>results_count</code> from your help center to see what customers look for and
            do not find.
          </p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-700">
              {formatNumber(helpCenter.searches)} searches: {formatNumber(helpCenter.noResults)} found nothing (
              {formatRate(helpCenter.noResults / helpCenter.searches)}), {formatNumber(helpCenter.followedByTicket)}{" "}
              were followed by a ticket within 24 hours ({formatRate(helpCenter.followedByTicket / helpCenter.searches)}
              ).
            </p>
            <div className="grid gap-6 lg:grid-cols-2">
              <SearchQueryTable
                caption="Top searches with no results"
                rows={helpCenter.topNoResults}
                countLabel="No results"
                count={(q) => q.noResults}
                share="Share"
                empty="Every search found something."
              />
              <SearchQueryTable
                caption="Searches followed by a ticket within 24 hours"
                rows={helpCenter.topFollowedByTicket}
                countLabel="Then a ticket"
                count={(q) => q.followedByTicket}
                empty="No search was followed by a ticket."
              />
            </div>
          </>
        )}
        <div className="mt-3">
          <HowComputed>
            <p>{SUPPORT_NOTES.helpCenter}</p>
          </HowComputed>
        </div>
      </Card>
    </>
  );
}
