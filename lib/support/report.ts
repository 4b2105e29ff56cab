import type { Db } from "@/lib/db/client";
import { type DateRange, localToday, previousRange, splitRange } from "@/lib/metrics/kpis/period";
import type { MetricContext } from "@/lib/metrics/settings";
import { type Backlog, openBacklog } from "./backlog";
import { businessSeconds } from "./business-time";
import { type ChargeTiming, chargeTiming } from "./charge-timing";
import { type HelpCenterGaps, helpCenterGaps } from "./help-center";
import type { SupportHours } from "./hours";
import type { SupportQuery } from "./query";
import { type TicketChurn, ticketChurn } from "./ticket-churn";
import { type TicketFacts, ticketFacts } from "./ticket-facts";
import { type Clock, calendarClock, type Ratio, type TicketStats, ticketStats } from "./ticket-stats";

export type SupportBucket = DateRange & {
  tickets: number;
  byCategory: Record<string, number>;
  byChannel: Record<string, number>;
  stats: TicketStats;
};

export type RepeatIssues = { category: string } & Ratio;

/** Everything on the Support page, as GET /api/v1/metrics/support returns it (docs/support.md). */
export type SupportReport = {
  range: DateRange;
  timeZone: string;
  granularity: SupportQuery["granularity"];
  /** Whether durations are calendar seconds or seconds within `supportHours`. */
  hours: SupportQuery["hours"];
  supportHours: SupportHours & { isDefault: boolean };
  /** Categories of the range's tickets, most tickets first; "(none)" for tickets without one. */
  categories: string[];
  channels: string[];
  totals: TicketStats;
  /** The same totals over the period of the same length before the range, for comparison. */
  previous: { range: DateRange; totals: TicketStats };
  byCategory: (TicketStats & { category: string })[];
  buckets: SupportBucket[];
  /** Per category, repeat tickets / tickets, most repeats first: where content or onboarding is missing. */
  repeatIssues: RepeatIssues[];
  /** Tickets by days since the customer's latest subscription charge: billing questions around renewals. */
  chargeTiming: ChargeTiming;
  backlog: Backlog;
  churn: TicketChurn;
  helpCenter: HelpCenterGaps;
};

function byVolume(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
}

function countBy(tickets: readonly TicketFacts[], key: (t: TicketFacts) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of tickets) counts[key(t)] = (counts[key(t)] ?? 0) + 1;
  return counts;
}

/**
 * The Support insights over the tickets created in the query's range: volume, response and resolution times
 * (calendar or business hours), reopen rate, CSAT, repeat issues and follow-up coverage, in total, per category
 * and per bucket; the open backlog now; ticket-driven churn; help-center gaps. Queries run one after the other
 * (PGlite runs one at a time anyway, and one page should not take over a pool).
 */
export async function computeSupportReport(
  db: Db,
  context: MetricContext,
  supportHours: { hours: SupportHours; isDefault: boolean },
  query: SupportQuery,
  now: Date,
): Promise<SupportReport> {
  const { workspaceId, timeZone } = context;
  const { started, renewed } = context.settings.subscription;
  const tickets = await ticketFacts(db, workspaceId, timeZone, query.range, [started, renewed]);
  const clock: Clock =
    query.hours === "business" ? (from, to) => businessSeconds(from, to, supportHours.hours, timeZone) : calendarClock;
  const categories = byVolume(tickets.map((t) => t.category));
  const channels = byVolume(tickets.map((t) => t.channel));
  const byCategory = categories.map((category) => ({
    category,
    ...ticketStats(
      tickets.filter((t) => t.category === category),
      clock,
      now,
    ),
  }));
  const buckets = splitRange(query.range, query.granularity).map((bucket): SupportBucket => {
    const inBucket = tickets.filter((t) => t.day >= bucket.from && t.day <= bucket.to);
    return {
      ...bucket,
      tickets: inBucket.length,
      byCategory: countBy(inBucket, (t) => t.category),
      byChannel: countBy(inBucket, (t) => t.channel),
      stats: ticketStats(inBucket, clock, now),
    };
  });
  const repeatIssues = byCategory
    .map((c) => ({ category: c.category, ...c.repeat }))
    .sort((a, b) => b.numerator - a.numerator || a.category.localeCompare(b.category));

  const before = previousRange(query.range);
  const previousTickets = await ticketFacts(db, workspaceId, timeZone, before, [started, renewed]);

  const backlog = await openBacklog(db, workspaceId, now);
  const churn = await ticketChurn(db, context, query.range, localToday(now, timeZone));
  const helpCenter = await helpCenterGaps(db, workspaceId, timeZone, query.range);
  return {
    range: query.range,
    timeZone,
    granularity: query.granularity,
    hours: query.hours,
    supportHours: { ...supportHours.hours, isDefault: supportHours.isDefault },
    categories,
    channels,
    totals: ticketStats(tickets, clock, now),
    previous: { range: before, totals: ticketStats(previousTickets, clock, now) },
    byCategory,
    buckets,
    repeatIssues,
    chargeTiming: chargeTiming(tickets, categories),
    backlog,
    churn,
    helpCenter,
  };
}
