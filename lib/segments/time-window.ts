import { type SQL, sql } from "drizzle-orm";
import { addDays, type LocalDate, localToday } from "@/lib/metrics/kpis/period";

/**
 * Relative windows are counted in whole calendar days of the workspace's time zone (docs/segments.md
 * "Time windows"). An instant's *days ago* is today's local date minus the instant's local date, so:
 * - "within the last N days" = days ago 0 … N−1: today and the N−1 days before it, from the local midnight
 *   that starts day today−(N−1) up to the midnight that ends today;
 * - "more than N days ago" = days ago ≥ N: before that same midnight. The two split every past instant.
 * Windows are ranges of local days; on timestamps they become instants computed by PostgreSQL (`at time
 * zone`), so a day with a DST change has 23 or 25 hours, and they stay plain ranges that indexes serve.
 */
export type Clock = { timeZone: string; now: Date; today: LocalDate };

export function clockAt(now: Date, timeZone: string): Clock {
  return { timeZone, now, today: localToday(now, timeZone) };
}

/** Local days `from` … `to`, both included; null leaves that end open. */
export type DayRange = { from: LocalDate | null; to: LocalDate | null };

export const ALL_DAYS: DayRange = { from: null, to: null };

/** "within the last N days": days ago 0 … N−1 (today included). */
export function withinLastDays(clock: Clock, days: number): DayRange {
  return { from: addDays(clock.today, -(days - 1)), to: clock.today };
}

/** "more than N days ago": days ago ≥ N. */
export function moreThanDaysAgo(clock: Clock, days: number): DayRange {
  return { from: null, to: addDays(clock.today, -days) };
}

/** The instant local day `day` begins in the clock's time zone. */
export function midnight(clock: Clock, day: LocalDate): SQL {
  return sql`(${day}::date::timestamp at time zone ${clock.timeZone}::text)`;
}

/** A timestamp column inside the local days of `range`. */
export function instantInDays(column: SQL, range: DayRange, clock: Clock): SQL {
  const parts: SQL[] = [];
  if (range.from) parts.push(sql`${column} >= ${midnight(clock, range.from)}`);
  if (range.to) parts.push(sql`${column} < ${midnight(clock, addDays(range.to, 1))}`);
  return parts.length === 0 ? sql`true` : sql`(${sql.join(parts, sql` and `)})`;
}

/** A local-date column inside `range`. */
export function dayInDays(column: SQL, range: DayRange): SQL {
  const parts: SQL[] = [];
  if (range.from) parts.push(sql`${column} >= ${range.from}::date`);
  if (range.to) parts.push(sql`${column} <= ${range.to}::date`);
  return parts.length === 0 ? sql`true` : sql`(${sql.join(parts, sql` and `)})`;
}

export { addDays };
