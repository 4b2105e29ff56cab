import { z } from "zod";
import { Invalid } from "@/lib/errors";
import { type DateRange, isLocalDate } from "./period";

/** The longest range the KPI API computes: two calendar years (from + 2 years, exclusive). */
export const MAX_RANGE_YEARS = 2;

const localDate = z
  .string({ error: (issue) => (issue.input === undefined ? "Required, as YYYY-MM-DD" : "Use YYYY-MM-DD") })
  .refine(isLocalDate, "Use a real calendar date as YYYY-MM-DD");

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`: local dates in the workspace time zone, both included. */
export const kpiQuerySchema = z.object({ from: localDate, to: localDate }).superRefine((range, ctx) => {
  // zod still runs this when a date failed its own check (refinements do not abort): compare real dates only.
  if (!isLocalDate(range.from) || !isLocalDate(range.to)) return;
  if (range.from > range.to) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "Must be on or after from" });
  } else if (range.to >= addYears(range.from, MAX_RANGE_YEARS)) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `The range can span at most ${MAX_RANGE_YEARS} years` });
  }
});

function addYears(day: string, years: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}

/**
 * The KPI range from URL query parameters, or Invalid (400) naming each offending parameter in `fields` and
 * the first one in the message.
 */
export function parseKpiQuery(params: URLSearchParams): DateRange {
  const parsed = kpiQuerySchema.safeParse({ from: params.get("from") ?? undefined, to: params.get("to") ?? undefined });
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join(".") || "query"] ??= issue.message;
  const [name, message] = Object.entries(fields)[0] ?? ["query", "Invalid"];
  throw new Invalid(`Invalid parameter ${name}: ${message}`, fields);
}
