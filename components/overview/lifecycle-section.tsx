import Link from "next/link";
import { LifecycleChart } from "@/components/lifecycle/lifecycle-chart";
import { getDb } from "@/lib/db";
import type { Scope } from "@/lib/metrics/activity-sql";
import {
  computeLifecycle,
  LIFECYCLE_STATUSES,
  type LifecycleQuery,
  lifecycleSearchParams,
} from "@/lib/metrics/lifecycle";
import { addPeriods, localDate, periodStart } from "@/lib/metrics/periods";

/** The last 12 weeks of the lifecycle; a click on a bar opens its customers on the Lifecycle page. */
export async function LifecycleSection({ scope, now }: { scope: Scope; now: Date }) {
  const today = localDate(now, scope.timeZone);
  const query: LifecycleQuery = {
    period: "week",
    from: addPeriods(periodStart(today, "week"), "week", -11),
    to: today,
    event: "$any",
  };
  const result = await computeLifecycle(await getDb(), scope, query, now);
  const base = lifecycleSearchParams(query);
  const hrefFor: Record<string, string> = {};
  for (const p of result.periods) {
    for (const status of LIFECYCLE_STATUSES) {
      const params = new URLSearchParams(base);
      params.set("bar", `${p.start}~${status}`);
      hrefFor[`${p.start}~${status}`] = `/lifecycle?${params.toString()}#drilldown`;
    }
  }
  if (result.periods.every((p) => p.new + p.returning + p.resurrecting + p.dormant === 0)) {
    return <p className="text-sm text-slate-600">Nobody was active in the last 12 weeks yet.</p>;
  }
  return (
    <>
      <LifecycleChart periods={result.periods} hrefFor={hrefFor} />
      <Link href={`/lifecycle?${base.toString()}`} className="mt-3 inline-block text-sm text-brand-700 hover:underline">
        Open the lifecycle
      </Link>
    </>
  );
}
