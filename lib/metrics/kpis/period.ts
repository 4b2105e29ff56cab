import { type SQL, sql } from "drizzle-orm";
import { dateArray, startOfLocalDay } from "./sql";

/** A calendar date in the workspace's time zone, as YYYY-MM-DD. */
export type LocalDate = string;

/**
 * A period P = [from, to]: whole local days in the workspace's time zone, both ends included. It begins at
 * midnight of `from` there and ends at the midnight that starts the day after `to` (METRICS.md "Conventions").
 */
export type DateRange = { from: LocalDate; to: LocalDate };

export type Granularity = "day" | "week" | "month";

const DAY_MS = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isLocalDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

// Calendar arithmetic on dates alone: done in UTC, where every day has 24 hours, so no time zone can shift it.
export function addDays(day: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Number of days in the range, both ends included. */
export function dayCount(range: DateRange): number {
  return daysBetween(range.from, range.to) + 1;
}

/** The period of the same length that ends the day before `range` starts. */
export function previousRange(range: DateRange): DateRange {
  const length = dayCount(range);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** The first day of the month `day` falls in, moved by `months` months. */
export function monthStart(day: LocalDate, months = 0): LocalDate {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 + months;
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
}

/** Today's date in the time zone at the instant `now`. */
export function localToday(now: Date, timeZone: string): LocalDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * `range` cut into calendar buckets (days, ISO weeks starting Monday, or months), the first and last clipped
 * to the range so the buckets cover it exactly.
 */
export function splitRange(range: DateRange, granularity: Granularity): DateRange[] {
  const buckets: DateRange[] = [];
  let from = range.from;
  while (from <= range.to) {
    let next: LocalDate;
    if (granularity === "day") next = addDays(from, 1);
    else if (granularity === "week") {
      const weekday = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
      next = addDays(from, 7 - weekday);
    } else next = monthStart(from, 1);
    buckets.push({ from, to: earlier(addDays(next, -1), range.to) });
    from = next;
  }
  return buckets;
}

/** The earlier of two local dates (YYYY-MM-DD strings compare in calendar order). */
export function earlier(a: LocalDate, b: LocalDate): LocalDate {
  return a < b ? a : b;
}

/**
 * `with periods as (…)`-ready rows for a list of periods: idx (0-based, the list order), from_day, to_day,
 * start_at (midnight of from_day in the time zone) and end_at (midnight after to_day, exclusive). PostgreSQL
 * converts local midnights to instants with `at time zone`, so daylight saving changes are handled there.
 */
export function periodsTable(periods: readonly DateRange[], timeZone: string): SQL {
  return sql`
    select (p.ord - 1)::int as idx, p.from_day, p.to_day,
           ${startOfLocalDay(sql`p.from_day`, timeZone)} as start_at,
           ${startOfLocalDay(sql`p.to_day + 1`, timeZone)} as end_at
    from unnest(${dateArray(periods.map((p) => p.from))}, ${dateArray(periods.map((p) => p.to))})
      with ordinality as p(from_day, to_day, ord)
  `;
}
