import type { Random } from "./random";

/** Time arithmetic for the demo simulation, in epoch milliseconds (UTC). */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * The same instant `months` calendar months later, on the same day of the month or the month's last day
 * (a subscription started on 31 January renews on 28/29 February, then 31 March): how billing systems renew.
 */
export function addMonths(at: number, months: number): number {
  const date = new Date(at);
  const day = date.getUTCDate();
  const target = new Date(at);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.getTime();
}

/** Midnight (local, at a fixed UTC offset in hours) of the day containing `at`. */
export function localDayStart(at: number, utcOffsetHours: number): number {
  const offset = utcOffsetHours * HOUR;
  return Math.floor((at + offset) / DAY) * DAY - offset;
}

// When people use a consumer shop: a morning and an evening peak, little at night.
const WEIGHT_BY_HOUR = [1, 0.5, 0.3, 0.2, 0.2, 0.5, 2, 4, 5, 4, 3, 3, 4, 3, 3, 3, 3, 4, 5, 6, 7, 6, 4, 2];
const HOUR_WEIGHTS = WEIGHT_BY_HOUR.map((weight, hour) => [hour, weight] as const);

/**
 * A plausible moment of use within [from, to): a random day in the range, at an hour drawn from the daily
 * pattern in the customer's local time. Falls back to a uniform moment when the range is shorter than a day
 * and the drawn hour misses it.
 */
export function momentBetween(random: Random, from: number, to: number, utcOffsetHours: number): number {
  if (to <= from) return from;
  const day = localDayStart(from + random.next() * (to - from), utcOffsetHours);
  const at = day + random.weighted(HOUR_WEIGHTS) * HOUR + random.int(0, HOUR - 1);
  if (at >= from && at < to) return at;
  return Math.floor(from + random.next() * (to - from));
}

/** ISO date (YYYY-MM-DD) of `at` at a fixed UTC offset. */
export function localDate(at: number, utcOffsetHours: number): string {
  return new Date(at + utcOffsetHours * HOUR).toISOString().slice(0, 10);
}
