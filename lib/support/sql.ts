import { type SQL, sql } from "drizzle-orm";

/** Statuses in which a ticket counts as resolved; "closed" is a solved ticket the help desk has locked. */
export const RESOLVED_STATUSES = ["solved", "closed"] as const;

/** `<status> in ('solved','closed')` as SQL: the single place the resolved statuses enter a query. */
export function isResolved(status: SQL): SQL {
  return sql`(${status} in ('solved', 'closed'))`;
}

/** The label of a ticket without a category, everywhere the support pages and API group by category. */
export const NO_CATEGORY = "(none)";

/** Dates from either driver (PGlite gives Date, node-postgres may give strings for computed columns). */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}
