import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { SYSTEM_EVENT_TYPE } from "@/lib/ingest/system-events";
import { workspaceCalendar } from "./calendar";
import { eventNamesCte } from "./event-names";

export type IdentifiedShare = {
  since: Date;
  events: number;
  identifiedEvents: number;
  /** identifiedEvents / events; null when there were no events. */
  share: number | null;
};

/**
 * Share of events from identified customers over the `days` calendar days ending today in the workspace's
 * time zone (today included), by event timestamp: events that carry a user_id divided by all events. An
 * anonymous visit stays anonymous here even after the visitor signs up: this measures what the sources send.
 *
 * Like the volume table it walks events (workspace_id, name, timestamp) one name at a time, so only the
 * window's events are read (user_id needs a look at each of those rows, not at the whole history).
 */
export async function identifiedShare(
  db: Db,
  workspaceId: string,
  options: { now: Date; days?: number },
): Promise<IdentifiedShare> {
  const { windowStart, windowEnd } = await workspaceCalendar(db, workspaceId, options.now, options.days ?? 7);
  const inWindow = sql`e.timestamp >= ${windowStart.toISOString()}::timestamptz
    and e.timestamp < ${windowEnd.toISOString()}::timestamptz`;
  const [row] = await rows<{ total: number | null; identified: number | null }>(
    db,
    sql`
      with recursive ${eventNamesCte(workspaceId)},
      per_name as (
        select c.total, c.identified
        from event_names n
        cross join lateral (
          select count(*) as total, count(e.user_id) as identified
          from events e
          where e.workspace_id = ${workspaceId} and e.name = n.name and ${inWindow}
            and e.type <> ${SYSTEM_EVENT_TYPE}
        ) c
        where n.name is not null
        union all
        select count(*), count(e.user_id)
        from events e
        where e.workspace_id = ${workspaceId} and e.name is null and ${inWindow}
      )
      select sum(total)::int as total, sum(identified)::int as identified from per_name
    `,
  );
  const events = Number(row?.total ?? 0);
  const identifiedEvents = Number(row?.identified ?? 0);
  return { since: windowStart, events, identifiedEvents, share: events > 0 ? identifiedEvents / events : null };
}
