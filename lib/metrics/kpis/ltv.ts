import type { Db } from "@/lib/db/client";
import type { MetricContext } from "@/lib/metrics/settings";
import { activeCustomerCounts, customerChurnRate } from "./active-customers";
import { addDays, type DateRange, earlier, type LocalDate, monthStart } from "./period";

/** How many complete months the churn behind LTV is averaged over (METRICS.md "LTV"). */
export const LTV_CHURN_MONTHS = 6;

/**
 * The first days of the 6 calendar months before the one containing min(the day after P, today): the trailing
 * complete months as of the end of P. A month is complete once its end (midnight of the next month's first
 * day, local time) has passed, so a P ending today does not use the current month.
 */
export function trailingCompleteMonths(period: DateRange, today: LocalDate, count = LTV_CHURN_MONTHS): LocalDate[] {
  const end = addDays(period.to, 1);
  const anchor = earlier(end, today);
  return Array.from({ length: count }, (_, i) => monthStart(anchor, i - count));
}

export type MonthlyChurn = { month: LocalDate; rate: number | null };

/**
 * Customer churn rate of each calendar month (active at its start and not at its end / active at its start),
 * with the same "active customer" rule as the churn KPI. Null for a month nobody was active at the start of.
 */
export async function monthlyChurnRates(
  db: Db,
  context: MetricContext,
  months: readonly LocalDate[],
): Promise<Map<LocalDate, number | null>> {
  const unique = [...new Set(months)].sort();
  const { counts } = await activeCustomerCounts(
    db,
    context,
    unique.map((month) => ({ start: month, end: monthStart(month, 1) })),
  );
  return new Map(unique.map((month, i) => [month, counts[i] ? customerChurnRate(counts[i]) : null]));
}

/**
 * Average monthly customer churn over the given months: the plain mean of the months that have a rate (months
 * before anyone was active have none). Null when no month has one.
 */
export function averageMonthlyChurn(rates: readonly (number | null)[]): number | null {
  const known = rates.filter((r): r is number => r !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
}

/** LTV = ARPA / average monthly customer churn; undefined (null, shown as "—", never ∞) at zero churn. */
export function lifetimeValue(arpa: number | null, monthlyChurn: number | null): number | null {
  if (arpa === null || monthlyChurn === null || monthlyChurn === 0) return null;
  return arpa / monthlyChurn;
}
