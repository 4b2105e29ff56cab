import { percentile } from "@/lib/metrics/kpis/engagement";
import type { TicketFacts } from "./ticket-facts";
import { FOLLOW_UP_WINDOW_HOURS } from "./ticket-facts";

/** Seconds between two instants, in calendar time or in support hours (./business-time.ts). */
export type Clock = (from: Date, to: Date) => number;

export const calendarClock: Clock = (from, to) => Math.max(0, (to.getTime() - from.getTime()) / 1000);

/** Median and 90th percentile over the tickets that have the duration; `missing` counts those that do not. */
export type DurationStats = { medianSeconds: number | null; p90Seconds: number | null; count: number; missing: number };

export type Ratio = { numerator: number; denominator: number; rate: number | null };

export type TicketStats = {
  tickets: number;
  /** created → first agent reply; missing: not answered yet. */
  firstResponse: DurationStats;
  /** created → first time solved; missing: never solved. */
  firstResolution: DurationStats;
  /** created → last time solved, for tickets resolved now; missing: open now (also reopened ones). */
  fullResolution: DurationStats;
  /** Solved tickets later reopened / solved tickets. */
  reopen: Ratio;
  /** Ratings of 4 or 5 / rated tickets (ratings 1–5); average of the ratings beside it. */
  csat: Ratio & { average: number | null };
  /** Repeat tickets (same customer, same category, within 30 days of a previous one) / tickets. */
  repeat: Ratio;
  /**
   * Solved tickets followed by a message within 48 hours / solved tickets whose 48 hours have passed;
   * `windowOpen` counts the solutions younger than that, left out until their window closes.
   */
  followUp: Ratio & { windowOpen: number };
};

function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator };
}

function durations(values: (number | null)[]): DurationStats {
  const present = values.filter((v): v is number => v !== null);
  return {
    medianSeconds: percentile(present, 0.5),
    p90Seconds: percentile(present, 0.9),
    count: present.length,
    missing: values.length - present.length,
  };
}

/**
 * The support metrics of a set of tickets (METRICS.md "Feedback and support"). Unsolved tickets have no
 * resolution time: they are counted as missing (open), never as zero. Percentiles interpolate between closest
 * ranks, as everywhere in Tenure (lib/metrics/kpis/engagement.ts `percentile`).
 */
export function ticketStats(tickets: readonly TicketFacts[], clock: Clock, now: Date): TicketStats {
  const solved = tickets.filter((t) => t.firstSolvedAt !== null);
  const rated = tickets.filter((t) => t.satisfactionRating !== null);
  const followUpDue = now.getTime() - FOLLOW_UP_WINDOW_HOURS * 3_600_000;
  const closedWindows = solved.filter((t) => (t.firstSolvedAt as Date).getTime() <= followUpDue);
  const ratings = rated.map((t) => t.satisfactionRating as number);
  return {
    tickets: tickets.length,
    firstResponse: durations(tickets.map((t) => (t.firstReplyAt ? clock(t.createdAt, t.firstReplyAt) : null))),
    firstResolution: durations(tickets.map((t) => (t.firstSolvedAt ? clock(t.createdAt, t.firstSolvedAt) : null))),
    fullResolution: durations(tickets.map((t) => (t.lastSolvedAt ? clock(t.createdAt, t.lastSolvedAt) : null))),
    reopen: ratio(solved.filter((t) => t.reopened).length, solved.length),
    csat: {
      ...ratio(ratings.filter((r) => r >= 4).length, ratings.length),
      average: ratings.length === 0 ? null : ratings.reduce((a, b) => a + b, 0) / ratings.length,
    },
    repeat: ratio(tickets.filter((t) => t.repeat).length, tickets.length),
    followUp: {
      ...ratio(closedWindows.filter((t) => t.followedUp).length, closedWindows.length),
      windowOpen: solved.length - closedWindows.length,
    },
  };
}
