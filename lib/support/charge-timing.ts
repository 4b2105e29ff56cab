import type { TicketFacts } from "./ticket-facts";

/** A ticket counts as "after a charge" when written within this many days of the customer's latest charge. */
export const AFTER_CHARGE_DAYS = 3;
/** The histogram's last bar collects every ticket this many days or more after the charge. */
export const HISTOGRAM_DAYS = 31;

export type ChargeTimingRow = {
  category: string;
  tickets: number;
  /** Tickets whose customer had been charged before (a subscription start or renewal). */
  withCharge: number;
  /** Of those, written within 3 days (72 hours) after the latest charge. */
  afterCharge: number;
  /** afterCharge / withCharge; with charges spread over a monthly cycle, about 10% is what chance gives. */
  rate: number | null;
};

export type ChargeTiming = {
  rows: ChargeTimingRow[];
  /** Tickets per whole day since the latest charge (0 … 30, then "31+"), per category. */
  histogram: { day: string; counts: Record<string, number> }[];
};

/**
 * When tickets come relative to the customer's latest subscription charge (Subscription Started or Renewed):
 * billing questions that cluster in the days after a renewal show up as a tall first bar and a high share,
 * where other categories spread over the cycle.
 */
export function chargeTiming(tickets: readonly TicketFacts[], categories: readonly string[]): ChargeTiming {
  const histogram = Array.from({ length: HISTOGRAM_DAYS + 1 }, (_, d) => ({
    day: d === HISTOGRAM_DAYS ? `${HISTOGRAM_DAYS}+` : String(d),
    counts: {} as Record<string, number>,
  }));
  const rows = categories.map((category) => {
    const own = tickets.filter((t) => t.category === category);
    const charged = own.filter((t) => t.secondsSinceCharge !== null);
    const after = charged.filter((t) => (t.secondsSinceCharge as number) < AFTER_CHARGE_DAYS * 86_400);
    for (const t of charged) {
      const bar = histogram[Math.min(HISTOGRAM_DAYS, Math.floor((t.secondsSinceCharge as number) / 86_400))];
      if (bar) bar.counts[category] = (bar.counts[category] ?? 0) + 1;
    }
    return {
      category,
      tickets: own.length,
      withCharge: charged.length,
      afterCharge: after.length,
      rate: charged.length === 0 ? null : after.length / charged.length,
    };
  });
  return { rows, histogram };
}
