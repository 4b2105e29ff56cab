import { type SQL, sql } from "drizzle-orm";
import type { SegmentCondition } from "./rule-schema";
import type { Scope } from "./scope";
import { addDays, type Clock, type DayRange, instantInDays } from "./time-window";
import type { NumberCompare } from "./value-test-schema";
import { numberTest, valueTestSql } from "./value-test-sql";

type TraitCondition = Extract<SegmentCondition, { type: "trait" }>;
type CommerceCondition = Extract<SegmentCondition, { type: "commerce" }>;

/** A trait of the customer profile (customers.traits, the latest value per trait). */
export function traitSql(condition: TraitCondition, scope: Scope): SQL {
  return valueTestSql(sql`c.traits`, condition.trait, condition.test, scope.clock);
}

/**
 * Commerce facts kept on the profile by ingest (lib/ingest/rollup.ts refreshCustomerFacts): order_count
 * (orders unique by order_id), lifetime_revenue, and last_order_at for "days since last order". A customer
 * without orders has 0 orders and 0 revenue, and no days since last order (so only "≠" matches them).
 */
export function commerceSql(condition: CommerceCondition, scope: Scope): SQL {
  switch (condition.measure) {
    case "orders":
      return numberTest(sql`c.order_count`, condition.test);
    case "lifetime_revenue":
      return numberTest(sql`c.lifetime_revenue`, condition.test);
    case "days_since_last_order":
      return daysAgoTest(sql`c.last_order_at`, condition.test, scope.clock);
  }
}

/**
 * A number test on an instant's days ago (today's local date minus the instant's), written as a range on the
 * instant so the column's index can serve it. Days ago are whole numbers: "< 2.5" is "≤ 2".
 */
export function daysAgoTest(column: SQL, test: NumberCompare, clock: Clock): SQL {
  const range = (minDays: number, maxDays: number | null): SQL => {
    if (maxDays !== null && maxDays < minDays) return sql`false`;
    const days: DayRange = {
      from: maxDays === null ? null : addDays(clock.today, -maxDays),
      to: addDays(clock.today, -minDays),
    };
    return sql`coalesce(${instantInDays(column, days, clock)}, false)`;
  };
  // Far enough ahead to stand for "no lower bound" on days ago (dates in the future are negative days ago).
  const unbounded = -36_500;
  if (test.operator === "between") return range(Math.ceil(test.min), Math.floor(test.max));
  const v = test.value;
  switch (test.operator) {
    case "eq":
      return Number.isInteger(v) ? range(v, v) : sql`false`;
    case "neq":
      return Number.isInteger(v) ? sql`not ${range(v, v)}` : sql`true`;
    case "lt":
      return range(unbounded, Math.ceil(v) - 1);
    case "lte":
      return range(unbounded, Math.floor(v));
    case "gt":
      return range(Math.floor(v) + 1, null);
    case "gte":
      return range(Math.ceil(v), null);
  }
}
