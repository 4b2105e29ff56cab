import { z } from "zod";
import { Invalid } from "@/lib/errors";
import { type DateRange, dayCount, localToday, monthStart } from "@/lib/metrics/kpis/period";
import { parseKpiQuery } from "@/lib/metrics/kpis/query";
import type { ChartGranularity } from "@/lib/metrics/kpis/range-query";

/** Calendar hours, or only the workspace's support hours (Settings → Support hours). */
export type HoursBasis = "calendar" | "business";

/** What the Support page and GET /api/v1/metrics/support compute: tickets created in `range`, per bucket. */
export type SupportQuery = { range: DateRange; granularity: ChartGranularity; hours: HoursBasis };

const granularitySchema = z.enum(["week", "month"], { message: "Use week or month" });
const hoursSchema = z.enum(["calendar", "business"], { message: "Use calendar or business" });

/** Weeks up to about half a year, months beyond (as the KPI series). */
export function defaultSupportGranularity(range: DateRange): ChartGranularity {
  return dayCount(range) <= 190 ? "week" : "month";
}

/** The Support page's default: the last 12 months, the current one so far, by month, in calendar hours. */
export function defaultSupportQuery(now: Date, timeZone: string): SupportQuery {
  const today = localToday(now, timeZone);
  return { range: { from: monthStart(today, -11), to: today }, granularity: "month", hours: "calendar" };
}

function parseOptional<T>(schema: z.ZodType<T>, name: string, value: string | null): T | undefined {
  if (value === null) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? "Invalid";
  throw new Invalid(`Invalid parameter ${name}: ${message}`, { [name]: message });
}

/**
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD[&granularity=week|month][&hours=calendar|business]` of the read API: from
 * and to are required (local dates in the workspace time zone, at most two years apart, as the KPI API);
 * wrong values throw Invalid naming the parameter.
 */
export function parseSupportApiQuery(params: URLSearchParams): SupportQuery {
  const range = parseKpiQuery(params);
  const granularity = parseOptional(granularitySchema, "granularity", params.get("granularity"));
  const hours = parseOptional(hoursSchema, "hours", params.get("hours"));
  return { range, granularity: granularity ?? defaultSupportGranularity(range), hours: hours ?? "calendar" };
}

/** The page's URL: missing parameters take the defaults, wrong ones throw Invalid (the page shows why). */
export function parseSupportPageQuery(get: (name: string) => string | null, defaults: SupportQuery): SupportQuery {
  const from = get("from");
  const to = get("to");
  const range =
    from === null && to === null
      ? defaults.range
      : parseKpiQuery(new URLSearchParams({ from: from ?? defaults.range.from, to: to ?? defaults.range.to }));
  return {
    range,
    granularity: parseOptional(granularitySchema, "granularity", get("granularity")) ?? defaults.granularity,
    hours: parseOptional(hoursSchema, "hours", get("hours")) ?? defaults.hours,
  };
}
