import type { DateRange } from "@/lib/metrics/kpis/period";
import type { ChartGranularity } from "@/lib/metrics/kpis/range-query";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Dec 2025" for a month, the Monday's date for a week (the first bucket may start later: clipped to the range). */
export function bucketLabel(bucket: DateRange, granularity: ChartGranularity): string {
  if (granularity === "week") return bucket.from;
  return `${MONTHS[Number(bucket.from.slice(5, 7)) - 1] ?? ""} ${bucket.from.slice(0, 4)}`;
}
