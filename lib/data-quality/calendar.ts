import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { NotFound } from "@/lib/errors";

/**
 * The workspace's calendar around "now": which local day and wall-clock time it is, and where a window of
 * `windowDays` calendar days ending today begins and ends (as instants). PostgreSQL does the time zone
 * arithmetic, so a day is midnight to midnight on the workspace's wall clock, 23 or 25 hours long when
 * daylight saving time starts or ends.
 */
export type WorkspaceCalendar = {
  timeZone: string;
  /** Today in the workspace's time zone, YYYY-MM-DD. */
  today: string;
  /** The window's calendar days, oldest first; the last one is today. */
  days: string[];
  /** Local midnight at the start of the window's first day. */
  windowStart: Date;
  /** Local midnight at the start of today. */
  todayStart: Date;
  /** Local midnight at the end of today: the window's end. */
  windowEnd: Date;
  /** The wall-clock time at "now" in the workspace's time zone, HH:MM:SS[.ffffff]. */
  timeOfDay: string;
};

export async function workspaceCalendar(
  db: Db,
  workspaceId: string,
  now: Date,
  windowDays: number,
): Promise<WorkspaceCalendar> {
  const [row] = await rows<{
    time_zone: string;
    today: string;
    time_of_day: string;
    window_start: Date | string;
    today_start: Date | string;
    window_end: Date | string;
  }>(
    db,
    sql`
      select time_zone, today::text as today, local_now::time::text as time_of_day,
             ((today - ${windowDays - 1}::int)::timestamp at time zone time_zone) as window_start,
             (today::timestamp at time zone time_zone) as today_start,
             ((today + 1)::timestamp at time zone time_zone) as window_end
      from (
        select w.time_zone, local_now, local_now::date as today
        from workspaces w, lateral (select ${now.toISOString()}::timestamptz at time zone w.time_zone as local_now) t
        where w.id = ${workspaceId}
      ) local
    `,
  );
  if (!row) throw new NotFound("Unknown workspace");
  return {
    timeZone: row.time_zone,
    today: row.today,
    days: Array.from({ length: windowDays }, (_, i) => addDays(row.today, i - (windowDays - 1))),
    windowStart: new Date(row.window_start),
    todayStart: new Date(row.today_start),
    windowEnd: new Date(row.window_end),
    timeOfDay: row.time_of_day,
  };
}

/** Calendar arithmetic on YYYY-MM-DD strings; done in UTC, where every day has 24 hours. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
