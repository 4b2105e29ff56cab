import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { engagementFollowsSettings } from "@/lib/metrics/facts/engagement";
import type { MetricContext } from "@/lib/metrics/settings";
import { engagementFromStoredRows } from "./engagement-stored";
import { type DateRange, periodsTable } from "./period";
import { signupsCte } from "./signups";
import { textArray } from "./sql";

export type TimeToFirstValue = {
  /** Customers of the cohort who performed an activation event. */
  activated: number;
  /** Customers of the cohort who never did: counted here (and in the activation rate), not dropped. */
  notActivated: number;
  /** Activated / signups. */
  activationRate: number | null;
  /** Median and 90th percentile of the activated customers' time from signup to first activation. */
  medianSeconds: number | null;
  p90Seconds: number | null;
};

export type EventReach = { event: string; customers: number };

export type EngagementStats = {
  /** Customers who signed up in the period: the signup cohort. */
  signups: number;
  /** Of them, customers whose onboarding window has not ended yet at `now` (their outcome may still change). */
  windowOpen: number;
  timeToFirstValue: TimeToFirstValue;
  /** Customers who performed every onboarding step within the window. */
  onboardingCompleted: number;
  /** Funnel: for step k, customers who performed steps 1…k within the window. */
  onboardingSteps: EventReach[];
  /** Per core feature event, customers who performed it within the window. */
  features: EventReach[];
};

const DAY_SECONDS = 86_400;

/**
 * Signup-cohort metrics per period (METRICS.md "Engagement and onboarding"). The cohort of a period is the
 * customers who signed up in it (see signupsCte); for each of them the first time they performed each
 * configured activation, onboarding and core feature event. "Within N days of signup" means no later than
 * signup + N × 24 hours (N = onboardingWindowDays, for onboarding and feature activation alike); a step sent a
 * moment before the signup event (clock skew, an anonymous session merged at signup) still counts.
 *
 * "The first time they performed" an event is customer_event_facts.first_at of its name: the first-ever time,
 * history before signup included (an event name only exists on track, page and screen events, the ones the
 * facts cover). Read from customer_engagement, which holds those times per signed-up customer for the saved
 * settings (one index range per period, counted in the database: engagement-stored.ts); asked with other
 * settings, from the facts: one primary-key lookup per cohort member and configured name (fromEventFacts).
 */
export async function engagementStats(
  db: Db,
  context: MetricContext,
  periods: readonly DateRange[],
  now: Date,
): Promise<EngagementStats[]> {
  if (periods.length === 0) return [];
  if (await engagementFollowsSettings(db, context)) return engagementFromStoredRows(db, context, periods, now);
  return fromEventFacts(db, context, periods, now);
}

/** engagementStats from customer_event_facts, for settings customer_engagement does not follow. */
export async function fromEventFacts(
  db: Db,
  context: MetricContext,
  periods: readonly DateRange[],
  now: Date,
): Promise<EngagementStats[]> {
  const { settings, workspaceId } = context;
  const names = [
    ...new Set([...settings.activationEvents, ...settings.onboardingSteps, ...settings.coreFeatureEvents]),
  ];
  const result = await rows<{
    idx: number;
    customer_id: number;
    signed_up: number;
    name: string | null;
    first_at: number | null;
  }>(
    db,
    sql`
      with periods as (${periodsTable(periods, context.timeZone)}),
      signups as (${signupsCte(context)}),
      cohort as (
        select p.idx, s.customer_id, s.signed_up_at
        from signups s
        join periods p on s.signed_up_at >= p.start_at and s.signed_up_at < p.end_at
      )
      select c.idx, c.customer_id, extract(epoch from c.signed_up_at)::float8 as signed_up,
             f.name, extract(epoch from f.first_at)::float8 as first_at
      from cohort c
      left join customer_event_facts f
        on f.workspace_id = ${workspaceId} and f.customer_id = c.customer_id and f.name = any(${textArray(names)})
    `,
  );

  type Member = { signedUp: number; firstAt: Map<string, number> };
  const cohorts: Map<string, Member>[] = periods.map(() => new Map());
  for (const r of result) {
    const cohort = cohorts[Number(r.idx)];
    if (!cohort) continue;
    const key = String(r.customer_id);
    let member = cohort.get(key);
    if (!member) {
      member = { signedUp: Number(r.signed_up), firstAt: new Map() };
      cohort.set(key, member);
    }
    if (r.name !== null && r.first_at !== null) member.firstAt.set(r.name, Number(r.first_at));
  }

  const windowSeconds = settings.onboardingWindowDays * DAY_SECONDS;
  const nowSeconds = now.getTime() / 1000;
  return cohorts.map((cohort) => {
    const members = [...cohort.values()];
    const withinWindow = (m: Member, event: string) => {
      const at = m.firstAt.get(event);
      return at !== undefined && at <= m.signedUp + windowSeconds;
    };
    const durations: number[] = [];
    for (const m of members) {
      const firsts = settings.activationEvents.map((e) => m.firstAt.get(e)).filter((t) => t !== undefined);
      // An activation recorded before the signup (merged anonymous history) is value from the start: 0 seconds.
      if (firsts.length > 0) durations.push(Math.max(0, Math.min(...firsts) - m.signedUp));
    }
    const steps = settings.onboardingSteps.map((event, k) => ({
      event,
      customers: members.filter((m) => settings.onboardingSteps.slice(0, k + 1).every((s) => withinWindow(m, s)))
        .length,
    }));
    return {
      signups: members.length,
      windowOpen: members.filter((m) => m.signedUp + windowSeconds > nowSeconds).length,
      timeToFirstValue: {
        activated: durations.length,
        notActivated: members.length - durations.length,
        activationRate: members.length === 0 ? null : durations.length / members.length,
        medianSeconds: percentile(durations, 0.5),
        p90Seconds: percentile(durations, 0.9),
      },
      onboardingCompleted: steps.length === 0 ? 0 : (steps[steps.length - 1]?.customers ?? 0),
      onboardingSteps: steps,
      features: settings.coreFeatureEvents.map((event) => ({
        event,
        customers: members.filter((m) => withinWindow(m, event)).length,
      })),
    };
  });
}

/**
 * The p-quantile of the activated customers' times, with linear interpolation between closest ranks (as
 * PostgreSQL's percentile_cont and most analytics tools' "time to convert"): position p × (n − 1) in the sorted
 * list. Customers who never activated have no time; they are reported as not activated beside it.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = sorted[Math.floor(position)] ?? 0;
  const upper = sorted[Math.ceil(position)] ?? lower;
  return lower + (upper - lower) * (position - Math.floor(position));
}

/** Onboarding completion rate = customers who completed every step within the window / signups. */
export function onboardingCompletionRate(s: EngagementStats): number | null {
  return s.signups === 0 || s.onboardingSteps.length === 0 ? null : s.onboardingCompleted / s.signups;
}

/** Reach of one event (a funnel step or a core feature) as a share of signups. */
export function reachRate(reach: EventReach, signups: number): number | null {
  return signups === 0 ? null : reach.customers / signups;
}
