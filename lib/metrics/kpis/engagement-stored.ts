import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { MetricContext } from "@/lib/metrics/settings";
import type { EngagementStats } from "./engagement";
import { type DateRange, periodsTable } from "./period";

const DAY_SECONDS = 86_400;

/**
 * engagementStats read from customer_engagement (lib/metrics/facts/engagement.ts), which holds per signed-up
 * customer the signup time and the first time of each configured event, following the settings saved on the
 * workspace (the caller checks that they are the context's). Each period's cohort is one range of the
 * (workspace_id, signed_up_at) index, and everything is counted in the database: a few rows come back.
 *
 * The same rules as the facts path in engagement.ts: "within N days" is at most signup + N × 24 hours (added
 * as seconds, so a daylight saving change does not move it); a step or feature recorded before the signup
 * counts; time to first value is max(0, first activation − signup) in seconds, as float8 like JavaScript's
 * numbers, and its percentiles are percentile_cont's linear interpolation (the same as `percentile`).
 */
export async function engagementFromStoredRows(
  db: Db,
  context: MetricContext,
  periods: readonly DateRange[],
  now: Date,
): Promise<EngagementStats[]> {
  const { settings, workspaceId } = context;
  const windowEnd = sql`c.signed_up_at + make_interval(secs => ${settings.onboardingWindowDays * DAY_SECONDS})`;
  const within = (column: "step_at" | "feature_at", k: number) =>
    sql`c.${sql.raw(column)}[${sql.raw(String(k))}] <= ${windowEnd}`;
  const stepCounts = settings.onboardingSteps.map(
    (_, k) =>
      sql`count(*) filter (where ${sql.join(
        Array.from({ length: k + 1 }, (_, i) => within("step_at", i + 1)),
        sql` and `,
      )})`,
  );
  const featureCounts = settings.coreFeatureEvents.map(
    (_, k) => sql`count(*) filter (where ${within("feature_at", k + 1)})`,
  );
  // Null for a customer who never activated (percentile_cont skips nulls); GREATEST alone would make it 0.
  const seconds = sql`case when c.activated_at is not null then
    greatest(0, extract(epoch from c.activated_at)::float8 - extract(epoch from c.signed_up_at)::float8) end`;
  const result = await rows<{
    idx: number;
    signups: number;
    window_open: number;
    activated: number;
    median: number | null;
    p90: number | null;
    steps: number[];
    features: number[];
  }>(
    db,
    sql`
      with periods as (${periodsTable(periods, context.timeZone)}),
      cohort as (
        select p.idx, g.signed_up_at, g.activated_at, g.step_at, g.feature_at
        from periods p
        join customer_engagement g
          on g.workspace_id = ${workspaceId} and g.signed_up_at >= p.start_at and g.signed_up_at < p.end_at
      )
      select p.idx,
             count(c.idx)::int as signups,
             count(c.idx) filter (where ${windowEnd} > ${now.toISOString()}::timestamptz)::int as window_open,
             count(c.activated_at)::int as activated,
             percentile_cont(0.5) within group (order by ${seconds}) as median,
             percentile_cont(0.9) within group (order by ${seconds}) as p90,
             to_jsonb(array[${sql.join(stepCounts, sql`, `)}]::int[]) as steps,
             to_jsonb(array[${sql.join(featureCounts, sql`, `)}]::int[]) as features
      from periods p
      left join cohort c on c.idx = p.idx
      group by p.idx
      order by p.idx
    `,
  );
  return result.map((r) => {
    const signups = Number(r.signups);
    const activated = Number(r.activated);
    const steps = settings.onboardingSteps.map((event, k) => ({ event, customers: Number(r.steps[k] ?? 0) }));
    return {
      signups,
      windowOpen: Number(r.window_open),
      timeToFirstValue: {
        activated,
        notActivated: signups - activated,
        activationRate: signups === 0 ? null : activated / signups,
        medianSeconds: r.median === null ? null : Number(r.median),
        p90Seconds: r.p90 === null ? null : Number(r.p90),
      },
      onboardingCompleted: steps.length === 0 ? 0 : (steps[steps.length - 1]?.customers ?? 0),
      onboardingSteps: steps,
      features: settings.coreFeatureEvents.map((event, k) => ({ event, customers: Number(r.features[k] ?? 0) })),
    };
  });
}
