import { Invalid } from "@/lib/errors";
import { addDays, type DateRange, type Granularity, localToday, monthStart } from "./period";
import { parseKpiQuery } from "./query";

/** The analytics pages chart weeks or months; days over a year would be hundreds of unreadable bars. */
export type ChartGranularity = Exclude<Granularity, "day">;

export type RangeQuery = { range: DateRange; granularity: ChartGranularity };

/** The last 12 calendar months, the current one included (so far), by month: the Revenue page's default. */
export function lastTwelveMonths(now: Date, timeZone: string): RangeQuery {
  const today = localToday(now, timeZone);
  return { range: { from: monthStart(today, -11), to: today }, granularity: "month" };
}

/** The last 12 ISO weeks, the current one included (so far), by week: the Engagement page's default. */
export function lastTwelveWeeks(now: Date, timeZone: string): RangeQuery {
  const today = localToday(now, timeZone);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return { range: { from: addDays(today, -weekday - 7 * 11), to: today }, granularity: "week" };
}

/**
 * `?from=&to=&granularity=` of the Revenue and Engagement pages. Missing parameters take the defaults; wrong
 * ones throw Invalid (the page then shows the defaults with the message). Same range rules as the KPI API.
 */
export function parseRangeQuery(get: (name: string) => string | null, defaults: RangeQuery): RangeQuery {
  const from = get("from");
  const to = get("to");
  const range =
    from === null && to === null
      ? defaults.range
      : parseKpiQuery(new URLSearchParams({ from: from ?? defaults.range.from, to: to ?? defaults.range.to }));
  const asked = get("granularity");
  if (asked !== null && asked !== "week" && asked !== "month") {
    throw new Invalid("Invalid parameter granularity: use week or month", { granularity: "Use week or month" });
  }
  return { range, granularity: asked ?? defaults.granularity };
}
