import { type SQL, sql } from "drizzle-orm";
import { customerHasRow, customersWith, eventSource } from "./event-source";
import type { SegmentCondition, SegmentNode } from "./rule-schema";
import type { Scope } from "./scope";
import { ALL_DAYS, addDays, type DayRange, moreThanDaysAgo, withinLastDays } from "./time-window";

type EventCondition = Extract<SegmentCondition, { type: "event" }>;
type EventTimeCondition = Extract<SegmentCondition, { type: "event_time" }>;
type FrequencyChangeCondition = Extract<SegmentCondition, { type: "frequency_change" }>;
export type Count = { operator: "at_least" | "at_most" | "exactly"; value: number };

/** The local days an event condition's window covers; "last N weeks" is the last 7 × N days. */
export function eventWindowDays(window: EventCondition["window"], scope: Scope): DayRange {
  switch (window.type) {
    case "all_time":
      return ALL_DAYS;
    case "last":
      return withinLastDays(scope.clock, window.unit === "weeks" ? window.amount * 7 : window.amount);
    case "between":
      return { from: window.from, to: window.to };
  }
}

/**
 * Customers whose number of matching rows satisfies `count`, given the subquery of customers with at least
 * `n` rows. "At most N" and "exactly 0" include customers with no rows at all, so they are written as the
 * negation of "more than N" rather than as a count over rows that do not exist.
 */
export function countCondition(count: Count, withAtLeast: (n: number) => SQL, withExactly: (n: number) => SQL): SQL {
  switch (count.operator) {
    case "at_least":
      return withAtLeast(count.value);
    case "at_most":
      return sql`not (${withAtLeast(count.value + 1)})`;
    case "exactly":
      return count.value === 0 ? sql`not (${withAtLeast(1)})` : withExactly(count.value);
  }
}

/** Performed / not performed an event, N times, in a window, with property filters. */
export function eventSql(condition: EventCondition, scope: Scope): SQL {
  const source = eventSource(scope, condition.event, condition.where);
  const days = eventWindowDays(condition.window, scope);
  const atLeast = (n: number) =>
    n <= 1 ? performedOnce(condition, scope, days) : customersWith(source, days, sql`${source.count()} >= ${n}`);
  const exactly = (n: number) => customersWith(source, days, sql`${source.count()} = ${n}`);
  if (condition.operator === "not_performed") return sql`not (${atLeast(1)})`;
  return countCondition(condition.count ?? { operator: "at_least", value: 1 }, atLeast, exactly);
}

/**
 * Performed at least once in the window. Customers whose just-stored event already shows it are listed first
 * (the lookup runs only for the others), so only the others' rows are read; property filters are not checked on the batch, so
 * a filtered condition always reads.
 */
function performedOnce(condition: EventCondition, scope: Scope, days: DayRange): SQL {
  const lookup = customersWith(eventSource(scope, condition.event, condition.where), days);
  const known = condition.where.length === 0 ? scope.knownPerformers(condition.event, days) : [];
  if (known.length === 0) return lookup;
  // A CASE, not an OR: PostgreSQL pushes NOT through OR (De Morgan) and turns `not exists` into an anti-join
  // over every listed customer, which reads the rows this is meant to skip; a CASE is evaluated as written.
  return sql`(case when c.id = any(${`{${known.join(",")}}`}::bigint[]) then true else ${lookup} end)`;
}

/**
 * First / last time performed, within the last N days or more than N days ago (days ago as in
 * time-window.ts). Customers who never performed the event match neither. Each case is written as ranges
 * the (name, timestamp) index serves instead of a min/max over the event's whole history:
 * - first within N days: performed in the window, and nothing before it (probed per candidate);
 * - first more than N days ago: performed before the window;
 * - last within N days: performed in the window;
 * - last more than N days ago: performed before the window, and not in it.
 */
export function eventTimeSql(condition: EventTimeCondition, scope: Scope): SQL {
  const source = eventSource(scope, condition.event);
  const recent = withinLastDays(scope.clock, condition.days);
  const before = moreThanDaysAgo(scope.clock, condition.days);
  if (condition.which === "first") {
    return condition.operator === "within_last"
      ? sql`(${customersWith(source, recent)} and not ${customerHasRow(source, before)})`
      : customersWith(source, before);
  }
  return condition.operator === "within_last"
    ? customersWith(source, recent)
    : sql`(${customersWith(source, before)} and not (${customersWith(source, recent)}))`;
}

/**
 * Frequency change: the event's count in the last N days (days ago 0 … N−1) against the N days before them
 * (days ago N … 2N−1). "Fell by at least p %": previous > 0 and last ≤ previous × (1 − p/100); "rose by at
 * least p %": previous > 0 and last ≥ previous × (1 + p/100). A customer with no events in the previous
 * window has no rate of change and matches neither (docs/segments.md).
 */
export function frequencyChangeSql(condition: FrequencyChangeCondition, scope: Scope): SQL {
  const source = eventSource(scope, condition.event, condition.where);
  const n = condition.windowDays;
  const both = withinLastDays(scope.clock, 2 * n);
  const lastStart = addDays(scope.clock.today, -(n - 1));
  const last = source.count(lastStart);
  const previous = sql`(${source.count()} - ${last})`;
  // Multiplied out in numeric so that 50 % of 3 is 1.5, not rounded.
  const factor = condition.direction === "fell" ? 100 - condition.percent : 100 + condition.percent;
  const compare = condition.direction === "fell" ? sql`<=` : sql`>=`;
  return customersWith(
    source,
    both,
    sql`${previous} > 0 and (${last})::numeric * 100 ${compare} (${previous})::numeric * ${factor}::numeric`,
  );
}

/**
 * "At least N times in the last D days" conditions of one AND group on the same event and property filters,
 * as one scan of the widest window with a count per window (a window ending today is a suffix of a wider one).
 * The power-users template asks for 2, 4, 6 and 8 uses in the last 7, 14, 21 and 28 days: four scans of the
 * same index range became one. Returns the SQL to put at each group's first child and the children it covers.
 */
export function sharedEventScans(children: readonly SegmentNode[], scope: Scope): Map<number, SQL | null> {
  const byEvent = new Map<string, { index: number; condition: EventCondition; days: number }[]>();
  children.forEach((child, index) => {
    if (child.type !== "event" || child.operator !== "performed" || child.window.type !== "last") return;
    if (child.count?.operator !== "at_least" || child.count.value < 2) return;
    const key = JSON.stringify([child.event, child.where]);
    const days = child.window.unit === "weeks" ? child.window.amount * 7 : child.window.amount;
    byEvent.set(key, [...(byEvent.get(key) ?? []), { index, condition: child, days }]);
  });
  const shared = new Map<number, SQL | null>();
  for (const members of byEvent.values()) {
    const [first] = members;
    if (first === undefined || members.length < 2) continue;
    const source = eventSource(scope, first.condition.event, first.condition.where);
    const widest = Math.max(...members.map((m) => m.days));
    const counts = members.map(({ condition, days }) => {
      const count = days === widest ? source.count() : source.count(addDays(scope.clock.today, -(days - 1)));
      return sql`${count} >= ${condition.count?.value ?? 1}`;
    });
    shared.set(first.index, customersWith(source, withinLastDays(scope.clock, widest), sql.join(counts, sql` and `)));
    for (const m of members.slice(1)) shared.set(m.index, null);
  }
  return shared;
}
