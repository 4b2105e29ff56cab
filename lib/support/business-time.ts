import type { SupportHours } from "./hours";
import { minutesOf } from "./hours";

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading in `timeZone` at instant `ms`, as if it were a UTC instant (for offset arithmetic). */
function wallClockAsUtc(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** The local calendar day (as a UTC-midnight number of ms) of instant `ms` in `timeZone`. */
function localDayOf(ms: number, timeZone: string): number {
  const wall = wallClockAsUtc(ms, timeZone);
  return wall - (wall % DAY_MS);
}

/**
 * The instant a local wall-clock time happens on local day `dayMs` (UTC-midnight ms of the date). A time that
 * does not exist (skipped by a daylight-saving jump) resolves to the instant just after the jump.
 */
function instantOf(dayMs: number, minutes: number, timeZone: string): number {
  // Tickets share days: a report over a year asks for the same few hundred (day, time) pairs thousands of times,
  // and each conversion costs two Intl calls. Bounded, so a long-running server does not grow it forever.
  const key = `${timeZone}|${dayMs}|${minutes}`;
  const cached = instants.get(key);
  if (cached !== undefined) return cached;
  if (instants.size > 100_000) instants.clear();
  const instant = convert(dayMs, minutes, timeZone);
  instants.set(key, instant);
  return instant;
}

const instants = new Map<string, number>();

function convert(dayMs: number, minutes: number, timeZone: string): number {
  const wall = dayMs + minutes * 60_000;
  const firstGuess = wall - (wallClockAsUtc(wall, timeZone) - wall);
  const offset = wallClockAsUtc(firstGuess, timeZone) - firstGuess;
  return wall - offset;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a UTC-midnight day number. */
function isoWeekday(dayMs: number): number {
  return ((new Date(dayMs).getUTCDay() + 6) % 7) + 1;
}

/**
 * Seconds of `[from, to)` that fall inside support hours, in the workspace's time zone. Each local day whose
 * weekday is a support day contributes the overlap of its window [start, end) with the interval; other days
 * and the hours outside the window contribute nothing. A ticket written on Friday 16:00 and solved on Monday
 * 10:00 with Mon–Fri 09:00–17:00 hours took 2 business hours.
 *
 * Whole weeks in the middle of a long interval without a daylight-saving change are counted at their nominal
 * length (days × window), so a ticket open for a year costs about a hundred date conversions, not a thousand;
 * weeks with a change are counted day by day, so the answer is exact either way.
 */
export function businessSeconds(from: Date, to: Date, hours: SupportHours, timeZone: string): number {
  const start = from.getTime();
  const end = to.getTime();
  if (!(end > start)) return 0;
  const open = minutesOf(hours.start);
  const close = minutesOf(hours.end);
  const days = new Set(hours.days);
  const firstDay = localDayOf(start, timeZone);
  const lastDay = localDayOf(end, timeZone);
  const spanDays = Math.round((lastDay - firstDay) / DAY_MS);

  let total = 0;
  const addDay = (dayMs: number) => {
    if (!days.has(isoWeekday(dayMs))) return;
    const windowStart = instantOf(dayMs, open, timeZone);
    const windowEnd = close === 24 * 60 ? instantOf(dayMs + DAY_MS, 0, timeZone) : instantOf(dayMs, close, timeZone);
    const overlap = Math.min(end, windowEnd) - Math.max(start, windowStart);
    if (overlap > 0) total += overlap;
  };

  // Days strictly between the first and the last are covered whole. A week of them without a daylight-saving
  // change (exactly 7 × 24 h from its first midnight to the next week's) holds days × window: add it at once.
  const wholeWeeks = spanDays > 15 ? Math.floor((spanDays - 1) / 7) - 1 : 0;
  const nominalWeek = days.size * (close - open) * 60_000;
  addDay(firstDay);
  let weekStartAt = instantOf(firstDay + DAY_MS, 0, timeZone);
  for (let w = 0; w < wholeWeeks; w++) {
    const weekFirstDay = firstDay + (1 + 7 * w) * DAY_MS;
    const nextWeekAt = instantOf(weekFirstDay + 7 * DAY_MS, 0, timeZone);
    if (nextWeekAt - weekStartAt === 7 * DAY_MS) total += nominalWeek;
    else for (let d = 0; d < 7; d++) addDay(weekFirstDay + d * DAY_MS);
    weekStartAt = nextWeekAt;
  }
  for (let d = 7 * wholeWeeks + 1; d <= spanDays; d++) addDay(firstDay + d * DAY_MS);
  return total / 1000;
}
