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
