/**
 * Calendar periods in the workspace's time zone (METRICS.md "Conventions"): day; ISO week starting Monday;
 * month. Dates are local calendar dates as `YYYY-MM-DD` strings; arithmetic runs on UTC midnights so that
 * daylight-saving changes never shift a date.
 */
export const PERIODS = ["day", "week", "month"] as const;
export type Period = (typeof PERIODS)[number];

const DAY_MS = 86_400_000;

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** The local calendar date of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The first day of the period containing `date`. */
export function periodStart(date: string, period: Period): string {
  const d = toUtc(date);
  if (period === "day") return date;
  if (period === "week") {
    const sinceMonday = (d.getUTCDay() + 6) % 7;
    return fromUtc(new Date(d.getTime() - sinceMonday * DAY_MS));
  }
  return `${date.slice(0, 7)}-01`;
}

/** The start of the period `n` periods after the one starting at `start` (n may be negative). */
export function addPeriods(start: string, period: Period, n: number): string {
  const d = toUtc(start);
  if (period === "day") return fromUtc(new Date(d.getTime() + n * DAY_MS));
  if (period === "week") return fromUtc(new Date(d.getTime() + 7 * n * DAY_MS));
  return fromUtc(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1)));
}

/** How many periods lie between two period starts (b − a). */
export function periodsBetween(a: string, b: string, period: Period): number {
  if (period === "month") {
    const [ay, am] = [Number(a.slice(0, 4)), Number(a.slice(5, 7))];
    const [by, bm] = [Number(b.slice(0, 4)), Number(b.slice(5, 7))];
    return (by - ay) * 12 + (bm - am);
  }
  const days = Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / DAY_MS);
  return period === "day" ? days : Math.floor(days / 7);
}

/** Starts of every period overlapping [from, to], in order. */
export function periodStarts(from: string, to: string, period: Period): string[] {
  const starts: string[] = [];
  for (let p = periodStart(from, period); p <= to; p = addPeriods(p, period, 1)) starts.push(p);
  return starts;
}

/** SQL `date_trunc` unit for a period (ISO weeks start on Monday in PostgreSQL too). */
export function truncUnit(period: Period): "day" | "week" | "month" {
  return period;
}

/** A period is complete once its end (the next period's start, local midnight) has passed. */
export function isComplete(start: string, period: Period, today: string): boolean {
  return addPeriods(start, period, 1) <= today;
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = toUtc(value);
  return !Number.isNaN(d.getTime()) && fromUtc(d) === value;
}
