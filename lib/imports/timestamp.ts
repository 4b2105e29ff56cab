/**
 * Reads a timestamp cell. Accepted, and documented on the import page:
 * - ISO-8601 dates and times: `2024-03-01`, `2024-03-01T14:30`, `2024-03-01 14:30:05.123`, with `/` also
 *   allowed between year, month and day, and an optional offset `Z`, `UTC`, `+01:00`, `+0100` or `-05`;
 * - Unix time: 10 digits (seconds) or 13 digits (milliseconds).
 * Without an offset the time is read in the workspace's time zone (a date alone is its midnight there), which
 * is what exports from shops and spreadsheets mean, so the event lands on the calendar day the file shows.
 * Day-first or month-first dates (03/04/2024) are refused rather than guessed.
 */
export type TimestampResult = { ok: true; date: Date } | { ok: false; message: string };

const ISO =
  /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const AMBIGUOUS = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/;
const EXAMPLE = "use ISO-8601 such as 2024-03-01 or 2024-03-01T14:30:00Z";

export function parseTimestamp(text: string, timeZone: string): TimestampResult {
  const value = text.trim();
  if (/^\d{10}$/.test(value)) return inRange(new Date(Number(value) * 1000), value);
  if (/^\d{13}$/.test(value)) return inRange(new Date(Number(value)), value);
  const m = ISO.exec(value);
  if (!m) {
    if (AMBIGUOUS.test(value))
      return { ok: false, message: `"${value}" could be day-first or month-first; ${EXAMPLE}` };
    return { ok: false, message: `"${clip(value)}" is not a date Tenure can read; ${EXAMPLE}` };
  }
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Math.floor(Number(`0.${m[7] ?? "0"}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, message: `"${value}" is not a real date or time` };
  }
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const zone = m[8];
  if (zone !== undefined) return inRange(new Date(wall - offsetMinutes(zone) * 60_000), value);
  return inRange(new Date(zonedWallToUtc(wall, timeZone)), value);
}

function inRange(date: Date, value: string): TimestampResult {
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1970 || year > 2100) {
    return { ok: false, message: `"${value}" is outside the years 1970–2100` };
  }
  return { ok: true, date };
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Minutes east of UTC of an offset written as Z, UTC, +01:00, +0100 or -05. */
function offsetMinutes(zone: string): number {
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

/**
 * The UTC instant at which clocks in `timeZone` show `wall` (wall-clock fields encoded as if UTC). The offset
 * is looked up at the guess and again at the corrected instant, which settles it across DST changes.
 */
export function zonedWallToUtc(wall: number, timeZone: string): number {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return wall;
  const first = wall - zoneOffset(wall, timeZone);
  const second = zoneOffset(first, timeZone);
  return second === wall - first ? first : wall - second;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();
const QUARTER_HOUR = 15 * 60_000;

/**
 * Milliseconds the zone is ahead of UTC at `instant`. Offsets only change on quarter hours, so results are
 * cached per quarter hour: a 100,000-row file then needs a few thousand Intl calls rather than 200,000.
 */
function zoneOffset(instant: number, timeZone: string): number {
  const cacheKey = `${timeZone}|${Math.floor(instant / QUARTER_HOUR)}`;
  const cached = offsets.get(cacheKey);
  if (cached !== undefined) return cached;
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const offset = asUtc - (instant - (((instant % 1000) + 1000) % 1000));
  if (offsets.size > 50_000) offsets.clear();
  offsets.set(cacheKey, offset);
  return offset;
}
