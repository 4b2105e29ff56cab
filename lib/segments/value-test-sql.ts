import { type SQL, sql } from "drizzle-orm";
import { jsonNumber, textArray } from "@/lib/metrics/kpis/sql";
import {
  ALL_DAYS,
  addDays,
  type Clock,
  type DayRange,
  dayInDays,
  moreThanDaysAgo,
  withinLastDays,
} from "./time-window";
import type { BooleanTest, DateTest, NumberTest, StringTest, ValueTest } from "./value-test-schema";

/**
 * A value test (value-test-schema.ts) on one key of a JSON object: a customer's traits or an event's
 * properties. The key and every value are bound parameters; `::text` picks the text form of `->`/`->>`.
 *
 * Reading rules (docs/segments.md "Traits and properties"): strings compare ignoring case, against the text
 * form of the value (a JSON number 42 equals "42"); numbers are JSON numbers or numeric strings; booleans are
 * JSON true/false or the strings "true"/"false"; dates are ISO strings (a date, a local date-time, or a
 * date-time with an offset, which is converted to the workspace's calendar day). "Not equals" is exactly the
 * negation of "equals": a customer without the value is "not equal". "Is set" means readable as that type.
 */
export function valueTestSql(json: SQL, key: string, test: ValueTest, clock: Clock): SQL {
  const text = sql`(${json} ->> ${key}::text)`;
  switch (test.type) {
    case "string":
      return stringTest(text, test);
    case "number":
      return numberTest(jsonNumber(json, key), test);
    case "boolean":
      return booleanTest(text, test);
    case "date":
      return dateTest(localDateOf(text, clock.timeZone), test, clock);
  }
}

function stringTest(text: SQL, test: StringTest): SQL {
  const value = sql`lower(${text})`;
  switch (test.operator) {
    case "equals":
      return sql`coalesce(${value} = lower(${test.value}::text), false)`;
    case "not_equals":
      return sql`not coalesce(${value} = lower(${test.value}::text), false)`;
    case "contains":
      return sql`coalesce(strpos(${value}, lower(${test.value}::text)) > 0, false)`;
    case "starts_with":
      return sql`coalesce(starts_with(${value}, lower(${test.value}::text)), false)`;
    case "in":
      return sql`coalesce(${value} = any(select lower(v) from unnest(${textArray(test.values)}) as v), false)`;
    case "is_set":
      return sql`coalesce(${text} <> '', false)`;
    case "is_not_set":
      return sql`not coalesce(${text} <> '', false)`;
  }
}

/** Comparisons on a numeric SQL expression that is null when the value is missing. */
export function numberTest(n: SQL, test: NumberTest): SQL {
  switch (test.operator) {
    case "eq":
      return sql`coalesce(${n} = ${test.value}::numeric, false)`;
    case "neq":
      return sql`not coalesce(${n} = ${test.value}::numeric, false)`;
    case "lt":
      return sql`coalesce(${n} < ${test.value}::numeric, false)`;
    case "lte":
      return sql`coalesce(${n} <= ${test.value}::numeric, false)`;
    case "gt":
      return sql`coalesce(${n} > ${test.value}::numeric, false)`;
    case "gte":
      return sql`coalesce(${n} >= ${test.value}::numeric, false)`;
    case "between":
      return sql`coalesce(${n} between ${test.min}::numeric and ${test.max}::numeric, false)`;
    case "is_set":
      return sql`(${n} is not null)`;
    case "is_not_set":
      return sql`(${n} is null)`;
  }
}

function booleanTest(text: SQL, test: BooleanTest): SQL {
  const value = sql`lower(${text})`;
  switch (test.operator) {
    case "is_true":
      return sql`coalesce(${value} = 'true', false)`;
    case "is_false":
      return sql`coalesce(${value} = 'false', false)`;
    case "is_set":
      return sql`coalesce(${value} in ('true', 'false'), false)`;
    case "is_not_set":
      return sql`not coalesce(${value} in ('true', 'false'), false)`;
  }
}

/** Date tests on a local-date SQL expression (null when unreadable). */
export function dateTest(day: SQL, test: DateTest, clock: Clock): SQL {
  if (test.operator === "is_set") return sql`(${day} is not null)`;
  if (test.operator === "is_not_set") return sql`(${day} is null)`;
  return sql`coalesce(${dayInDays(day, dateTestDays(test, clock))}, false)`;
}

/**
 * The local days a date test accepts: before D = up to D−1; after D = from D+1; between = both ends included;
 * within the last N days = today−(N−1) … today (a future date is not "in the last N days"); more than N days
 * ago = up to today−N. "Is set" and "is not set" accept any day (the caller tests presence).
 */
export function dateTestDays(test: DateTest, clock: Clock): DayRange {
  switch (test.operator) {
    case "is_set":
    case "is_not_set":
      return ALL_DAYS;
    case "before":
      return { from: null, to: addDays(test.date, -1) };
    case "after":
      return { from: addDays(test.date, 1), to: null };
    case "between":
      return { from: test.from, to: test.to };
    case "within_last":
      return withinLastDays(clock, test.days);
    case "more_than_ago":
      return moreThanDaysAgo(clock, test.days);
  }
}

// Casting a malformed string to date fails the whole query, and PostgreSQL 15 has no pg_input_is_valid; so
// the shape is checked by regular expressions first and the day of the month against the month's length, in
// nested CASEs (PostgreSQL evaluates CASE branches in order; AND it may reorder).
const DATE_PREFIX = "^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
const TIME = "[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,6})?)?";
const DATE_ONLY = `${DATE_PREFIX}$`;
const LOCAL_DATE_TIME = `${DATE_PREFIX}${TIME}$`;
const ZONED_DATE_TIME = `${DATE_PREFIX}${TIME}(Z|z|[+-](0[0-9]|1[0-4])(:?[0-5][0-9])?)$`;

/**
 * The workspace-local calendar date of an ISO date string, or null when it is not one: a date is itself, a
 * date-time without an offset is read as local time, one with an offset (or Z) is converted to the time zone.
 */
export function localDateOf(text: SQL, timeZone: string): SQL {
  const v = sql`trim(${text})`;
  return sql`(case when ${v} ~ ${DATE_PREFIX} then
    case when substr(${v}, 9, 2)::int <= extract(day from (substr(${v}, 1, 7) || '-01')::date + interval '1 month' - interval '1 day') then
      case when ${v} ~ ${DATE_ONLY} or ${v} ~ ${LOCAL_DATE_TIME} then substr(${v}, 1, 10)::date
           when ${v} ~ ${ZONED_DATE_TIME} then (${v}::timestamptz at time zone ${timeZone}::text)::date
      end
    end
  end)`;
}
