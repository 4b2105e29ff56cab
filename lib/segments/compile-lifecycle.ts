import { type SQL, sql } from "drizzle-orm";
import { textArray } from "@/lib/metrics/kpis/sql";
import { addPeriods, periodStart } from "@/lib/metrics/periods";
import type { SegmentCondition } from "./rule-schema";
import type { Scope } from "./scope";
import { instantInDays } from "./time-window";
import { dateTestDays } from "./value-test-sql";

type SignupCondition = Extract<SegmentCondition, { type: "signup" }>;
type LifecycleCondition = Extract<SegmentCondition, { type: "lifecycle_status" }>;

const ACTIVE_TYPES = sql`e.type in ('track', 'page', 'screen')`;

/**
 * (customer_id, signed_up_at) for every customer who signed up, as the engagement metrics define it
 * (lib/metrics/kpis/signups.ts): the first configured signup event, or without one the first event of any
 * kind (customers.first_seen_at).
 */
function signups(scope: Scope): SQL {
  const { workspaceId, settings } = scope;
  if (settings.signupEvent === null) {
    return sql`select s.id as customer_id, s.first_seen_at as signed_up_at from customers s
      where s.workspace_id = ${workspaceId} and s.first_seen_at is not null ${scope.only(sql`s.id`)}`;
  }
  return sql`select e.customer_id, min(e.timestamp) as signed_up_at from events e
    where e.workspace_id = ${workspaceId} and e.name = ${settings.signupEvent} and ${ACTIVE_TYPES}
      ${scope.only(sql`e.customer_id`)}
    group by e.customer_id`;
}

/** Signed up on local days the date test accepts; "is set" = has signed up. */
export function signupSql(condition: SignupCondition, scope: Scope): SQL {
  const { test } = condition;
  if (scope.settings.signupEvent === null) {
    // first_seen_at is on the row itself, with an index: no subquery.
    if (test.operator === "is_set") return sql`(c.first_seen_at is not null)`;
    if (test.operator === "is_not_set") return sql`(c.first_seen_at is null)`;
    return sql`coalesce(${instantInDays(sql`c.first_seen_at`, dateTestDays(test, scope.clock), scope.clock)}, false)`;
  }
  const days = dateTestDays(test, scope.clock);
  const matched = sql`c.id in (select s.customer_id from (${signups(scope)}) s
    where ${instantInDays(sql`s.signed_up_at`, days, scope.clock)})`;
  return test.operator === "is_not_set" ? sql`not (${matched})` : matched;
}

/** Activated: performed any configured activation event, ever. With none configured, nobody is activated. */
export function activatedSql(value: boolean, scope: Scope): SQL {
  const names = scope.settings.activationEvents;
  const activated =
    names.length === 0
      ? sql`false`
      : sql`c.id in (select e.customer_id from events e
          where e.workspace_id = ${scope.workspaceId} and e.name = any(${textArray(names)}) and ${ACTIVE_TYPES}
            ${scope.only(sql`e.customer_id`)})`;
  return value ? activated : sql`not (${activated})`;
}

/**
 * Onboarding complete (METRICS.md "Onboarding completion"): signed up, and performed every configured step
 * no later than signup + N × 24 hours (N = onboardingWindowDays); a step recorded before the signup counts,
 * as in lib/metrics/kpis/engagement.ts. Without configured steps nobody has completed onboarding.
 *
 * Each step's first occurrence per customer is one pass over that event name (its index), joined to the
 * signups: probing every signup's history per step instead read about 100 events per customer and step
 * (over 60 s at 100k customers / 10M events).
 */
export function onboardingSql(value: boolean, scope: Scope): SQL {
  const { settings, workspaceId } = scope;
  const steps = settings.onboardingSteps;
  const window = sql`make_interval(hours => ${settings.onboardingWindowDays * 24}::int)`;
  const joins = steps.map(
    (step, i) => sql`join (select e.customer_id, min(e.timestamp) as at from events e
        where e.workspace_id = ${workspaceId} and e.name = ${step} and ${ACTIVE_TYPES} ${scope.only(sql`e.customer_id`)}
        group by e.customer_id) ${sql.raw(`f${i}`)}
      on ${sql.raw(`f${i}`)}.customer_id = s.customer_id and ${sql.raw(`f${i}`)}.at <= s.signed_up_at + ${window}`,
  );
  const complete =
    steps.length === 0
      ? sql`false`
      : sql`c.id in (select s.customer_id from (${signups(scope)}) s ${sql.join(joins, sql` `)})`;
  return value ? complete : sql`not (${complete})`;
}

/**
 * Current lifecycle status (METRICS.md "Lifecycle", any track/page/screen event, as the Lifecycle page's
 * default): the status in the last complete period P of the chosen length (a week: Monday to Sunday) in the
 * workspace's calendar, so it does not flip during the running week. new = first-ever active period is P;
 * returning = active in P and P−1; resurrecting = active in P, not in P−1, and before P−1; dormant = active in
 * P−1 and not in P. Reads the customer_daily_activity rollup.
 */
export function lifecycleSql(condition: LifecycleCondition, scope: Scope): SQL {
  const { workspaceId, clock } = scope;
  const current = periodStart(clock.today, condition.period);
  const p = addPeriods(current, condition.period, -1);
  const previous = addPeriods(current, condition.period, -2);
  const activeIn = (
    from: string,
    toExclusive: string,
  ) => sql`c.id in (select a.customer_id from customer_daily_activity a
    where a.workspace_id = ${workspaceId} and a.active_event_count > 0
      and a.day >= ${from}::date and a.day < ${toExclusive}::date ${scope.only(sql`a.customer_id`)})`;
  const activeBefore = (day: string) => sql`exists (select 1 from customer_daily_activity a
    where a.workspace_id = ${workspaceId} and a.customer_id = c.id and a.active_event_count > 0
      and a.day < ${day}::date)`;
  switch (condition.status) {
    case "new":
      return sql`(${activeIn(p, current)} and not ${activeBefore(p)})`;
    case "returning":
      return sql`(${activeIn(p, current)} and ${activeIn(previous, p)})`;
    case "resurrecting":
      return sql`(${activeIn(p, current)} and not (${activeIn(previous, p)}) and ${activeBefore(previous)})`;
    case "dormant":
      return sql`(${activeIn(previous, p)} and not (${activeIn(p, current)}))`;
  }
}
