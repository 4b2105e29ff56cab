import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";

export type HistoryPoint = { date: string; members: number };

/**
 * The segment's size at the end of each of the last `days` local days of the workspace (today: now), from the
 * entered/exited log: members at the end of day D = entries − exits logged before D's local midnight end.
 */
export async function segmentSizeHistory(
  db: Db,
  scope: { workspaceId: string; segmentId: string; timeZone: string },
  days: number,
  now: Date = new Date(),
): Promise<HistoryPoint[]> {
  const { workspaceId, segmentId, timeZone } = scope;
  const found = await rows<{ day: string; members: number }>(
    db,
    sql`
      with bounds as (
        select (${now.toISOString()}::timestamptz at time zone ${timeZone})::date as today
      ),
      first_day as (
        select today - ${days - 1}::int as day, ((today - ${days - 1}::int)::timestamp at time zone ${timeZone}) as starts
        from bounds
      ),
      log as (
        select (e.at at time zone ${timeZone})::date as day, case e.kind when 'entered' then 1 else -1 end as delta, e.at
        from segment_membership_events e
        where e.workspace_id = ${workspaceId} and e.segment_id = ${segmentId}::uuid
      ),
      base as (
        select coalesce(sum(delta), 0)::int as n from log, first_day where log.at < first_day.starts
      ),
      daily as (
        select log.day, sum(delta)::int as delta from log, first_day where log.at >= first_day.starts group by log.day
      )
      select d.day::date::text as day, (base.n + sum(coalesce(daily.delta, 0)) over (order by d.day))::int as members
      from first_day, bounds, base,
        generate_series(first_day.day, bounds.today, interval '1 day') as d(day)
      left join daily on daily.day = d.day::date
      order by d.day
    `,
  );
  return found.map((r) => ({ date: r.day, members: Number(r.members) }));
}

/** Entries and exits over the last 7 local days (today and the 6 before it), as the segment page shows. */
export async function recentChanges(
  db: Db,
  scope: { workspaceId: string; segmentId: string; timeZone: string },
  now: Date = new Date(),
): Promise<{ enteredLast7Days: number; exitedLast7Days: number }> {
  const { workspaceId, segmentId, timeZone } = scope;
  const [row] = await rows<{ entered: number; exited: number }>(
    db,
    sql`select count(*) filter (where kind = 'entered')::int as entered, count(*) filter (where kind = 'exited')::int as exited
      from segment_membership_events
      where workspace_id = ${workspaceId} and segment_id = ${segmentId}::uuid
        and at >= (((${now.toISOString()}::timestamptz at time zone ${timeZone})::date - 6)::timestamp at time zone ${timeZone})`,
  );
  return { enteredLast7Days: Number(row?.entered ?? 0), exitedLast7Days: Number(row?.exited ?? 0) };
}
