import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { SYSTEM_EVENT_TYPE } from "@/lib/ingest/system-events";
import { type WorkspaceCalendar, workspaceCalendar } from "./calendar";
import { eventNamesCte } from "./event-names";

export type EventVolumeRow = {
  /** The event name; null for calls without one (identify, group, alias). */
  name: string | null;
  /** Events per day, aligned with EventVolume.calendar.days (oldest first, today last). */
  counts: number[];
  /**
   * Per day, the events before the current wall-clock time of day (calendar.timeOfDay): for today, the count
   * so far; for earlier days, how many had arrived by this time on that day. The drop alert compares them.
   */
  countsByNow: number[];
  total: number;
};

export type EventVolume = { calendar: WorkspaceCalendar; rows: EventVolumeRow[] };

/**
 * Events per event name per calendar day, over the `days` days ending today in the workspace's time zone
 * (today so far included), bucketed by the event's own timestamp. Names with no event in the window are left
 * out; busiest first, then by name.
 *
 * Each name is one range scan of events (workspace_id, name, timestamp), found through eventNamesCte, and the
 * scan reads only the index (every column it needs is in it), so the cost follows the window's events, not
 * the workspace's history.
 */
export async function eventVolumeByDay(
  db: Db,
  workspaceId: string,
  options: { now: Date; days?: number },
): Promise<EventVolume> {
  const calendar = await workspaceCalendar(db, workspaceId, options.now, options.days ?? 14);
  const { timeZone, windowStart, windowEnd, timeOfDay } = calendar;
  const inWindow = sql`e.timestamp >= ${windowStart.toISOString()}::timestamptz
    and e.timestamp < ${windowEnd.toISOString()}::timestamptz`;
  // Tenure's own events (segment entries and exits) are not tracking: they would raise drop alerts.
  const tracked = sql`e.type <> ${SYSTEM_EVENT_TYPE}`;
  const perDay = sql`(e.timestamp at time zone ${timeZone})::date as day, count(*)::int as n,
    (count(*) filter (where (e.timestamp at time zone ${timeZone})::time < ${timeOfDay}::time))::int as by_now`;
  const counted = await rows<{ name: string | null; day: string; n: number; by_now: number }>(
    db,
    sql`
      with recursive ${eventNamesCte(workspaceId)}
      select n.name, c.day::text as day, c.n, c.by_now
      from event_names n
      cross join lateral (
        select ${perDay}
        from events e
        where e.workspace_id = ${workspaceId} and e.name = n.name and ${inWindow} and ${tracked}
        group by 1
      ) c
      where n.name is not null
      union all
      select null, d.day::text, d.n, d.by_now
      from (
        select ${perDay}
        from events e
        where e.workspace_id = ${workspaceId} and e.name is null and ${inWindow}
        group by 1
      ) d
    `,
  );
  const column = new Map(calendar.days.map((day, i) => [day, i]));
  const byName = new Map<string | null, EventVolumeRow>();
  for (const { name, day, n, by_now } of counted) {
    const i = column.get(day);
    if (i === undefined) continue;
    let row = byName.get(name);
    if (!row) {
      row = { name, counts: calendar.days.map(() => 0), countsByNow: calendar.days.map(() => 0), total: 0 };
      byName.set(name, row);
    }
    row.counts[i] = Number(n);
    row.countsByNow[i] = Number(by_now);
    row.total += Number(n);
  }
  const sorted = [...byName.values()].sort(
    (a, b) => b.total - a.total || (a.name ?? "\uffff").localeCompare(b.name ?? "\uffff"),
  );
  return { calendar, rows: sorted };
}
