import { type SQL, sql } from "drizzle-orm";
import { toPgArray } from "@/lib/customers/identity-store";
import type { LocalDate } from "./period";

/**
 * A numeric JSON property of an event, or null when it is missing or not a number. The same rule as the
 * rollup's amounts (lib/ingest/rollup.ts): JSON numbers and numeric strings ("19.90") count, anything else
 * (or an amount too large for numeric(14,2)) is ignored rather than failing the query. The property name is
 * a bound parameter cast to text, so `->` cannot be read as the integer (array index) form of the operator.
 */
export function jsonNumber(properties: SQL, name: string): SQL {
  const value = sql`(${properties} -> ${name}::text)`;
  const text = sql`(${properties} ->> ${name}::text)`;
  // Nested CASE, not AND: PostgreSQL does not promise to evaluate AND left to right, and the cast must only
  // run once the type check has passed.
  return sql`(case
    when jsonb_typeof(${value}) = 'number' then
      case when abs((${text})::numeric) < 1e12 then (${text})::numeric end
    when jsonb_typeof(${value}) = 'string' and ${text} ~ '^\\s*-?[0-9]{1,12}(\\.[0-9]+)?\\s*$' then
      trim(${text})::numeric
  end)`;
}

/** A list of names as one bound text[] parameter. */
export function textArray(values: readonly string[]): SQL {
  return sql`${toPgArray(values)}::text[]`;
}

/** A list of local dates as one bound date[] parameter (the dates are validated YYYY-MM-DD strings). */
export function dateArray(days: readonly LocalDate[]): SQL {
  for (const day of days) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a local date: ${day}`);
  }
  return sql`${`{${days.join(",")}}`}::date[]`;
}

/** The instant a local date begins in the time zone: midnight there, as a timestamptz. */
export function startOfLocalDay(day: SQL, timeZone: string): SQL {
  return sql`((${day})::timestamp at time zone ${timeZone}::text)`;
}

/** Customers that still count: merged-away profiles (merged_into set) are folded into their survivor. */
export function countedCustomer(customerId: SQL, workspaceId: string): SQL {
  return sql`exists (
    select 1 from customers c
    where c.workspace_id = ${workspaceId} and c.id = ${customerId} and c.merged_into is null
  )`;
}

/** numeric and bigint columns arrive as strings from both drivers; null stays null. */
export function toNumber(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
