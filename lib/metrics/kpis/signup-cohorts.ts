import type { Db } from "@/lib/db/client";
import type { MetricContext } from "@/lib/metrics/settings";
import { type EngagementStats, engagementStats } from "./engagement";
import { type DateRange, type Granularity, previousRange, splitRange } from "./period";

export type SignupCohort = { range: DateRange; stats: EngagementStats };

export type SignupCohortReport = {
  granularity: Granularity;
  /** Everyone who signed up in the range: the numbers above the per-cohort breakdown. */
  whole: EngagementStats;
  /** The same over the period of the same length before the range, for the comparison. */
  previous: EngagementStats;
  previousRange: DateRange;
  /** One signup cohort per calendar bucket of the range (first and last clipped to it). */
  cohorts: SignupCohort[];
};

/**
 * Time to first value, onboarding funnel and feature activation per signup cohort (METRICS.md "Engagement and
 * onboarding": "median and p90 per signup cohort"), next to the whole range and the previous period. Each
 * cohort is a period of engagementStats of its own, so the definitions are exactly the KPI's; the percentiles
 * of the whole range are computed over its customers, not averaged from the cohorts'. One query for all.
 */
export async function signupCohorts(
  db: Db,
  context: MetricContext,
  range: DateRange,
  granularity: Exclude<Granularity, "day">,
  now: Date,
): Promise<SignupCohortReport> {
  const previous = previousRange(range);
  const buckets = splitRange(range, granularity);
  const [before, whole, ...perBucket] = await engagementStats(db, context, [previous, range, ...buckets], now);
  if (!before || !whole) throw new Error("engagementStats returned fewer periods than asked for");
  return {
    granularity,
    whole,
    previous: before,
    previousRange: previous,
    cohorts: buckets.map((bucket, i) => ({ range: bucket, stats: perBucket[i] ?? emptyStats(context) })),
  };
}

function emptyStats(context: MetricContext): EngagementStats {
  const { onboardingSteps, coreFeatureEvents } = context.settings;
  return {
    signups: 0,
    windowOpen: 0,
    timeToFirstValue: { activated: 0, notActivated: 0, activationRate: null, medianSeconds: null, p90Seconds: null },
    onboardingCompleted: 0,
    onboardingSteps: onboardingSteps.map((event) => ({ event, customers: 0 })),
    features: coreFeatureEvents.map((event) => ({ event, customers: 0 })),
  };
}
