import Link from "next/link";
import { CohortHeatmap } from "@/components/cohorts/cohort-heatmap";
import { getDb } from "@/lib/db";
import type { Scope } from "@/lib/metrics/activity-sql";
import { addPeriods, localDate, periodStart } from "@/lib/metrics/periods";
import { computeRetention } from "@/lib/metrics/retention";
import { type RetentionQuery, retentionSearchParams } from "@/lib/metrics/retention-query";

/** The last 12 weekly cohorts (defaults of the Cohorts page); each cell opens its customers there. */
export async function CohortSection({ scope, now }: { scope: Scope; now: Date }) {
  const today = localDate(now, scope.timeZone);
  const query: RetentionQuery = {
    period: "week",
    from: addPeriods(periodStart(today, "week"), "week", -11),
    to: today,
    startEvent: "$any",
    returnEvent: "$any",
    mode: "first_time",
    cumulative: false,
    breakdown: null,
  };
  const result = await computeRetention(await getDb(), scope, query, now);
  if (result.cohorts.every((c) => c.size === 0)) {
    return <p className="text-sm text-slate-600">No new customers in the last 12 weeks yet.</p>;
  }
  const params = retentionSearchParams(query);
  params.set("show", "percent");
  return (
    <>
      <CohortHeatmap
        result={result}
        view="percent"
        baseParams={params}
        selected={null}
        today={today}
        hrefBase="/cohorts"
      />
      <Link href={`/cohorts?${params.toString()}`} className="mt-3 inline-block text-sm text-brand-700 hover:underline">
        Explore cohorts
      </Link>
    </>
  );
}
