import { formatDuration, formatRate } from "@/components/metrics/kpi-format";
import { formatNumber } from "@/lib/format";
import type { DurationStats, Ratio } from "@/lib/support/ticket-stats";

/** "3.2 h / 19.0 h": median and 90th percentile, or "—" when no ticket has the duration. */
export function medianAndP90(d: DurationStats): string {
  if (d.count === 0) return "—";
  return `${formatDuration(d.medianSeconds)} / ${formatDuration(d.p90Seconds)}`;
}

/** "40.0% (2 of 5)": a rate with what it is made of, "—" without a denominator. */
export function rateOf(r: Ratio): string {
  if (r.denominator === 0) return "—";
  return `${formatRate(r.rate)} (${formatNumber(r.numerator)} of ${formatNumber(r.denominator)})`;
}

export { formatDuration, formatRate };

/** "2026-11-23 08:12" in the workspace's time zone: compact and unambiguous in long ticket lists. */
export function shortDateTime(value: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(value);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}
