import { type SQL, sql } from "drizzle-orm";

/**
 * A recursive CTE `event_names(name)` listing the workspace's distinct non-null event names, one index probe
 * per name on events (workspace_id, name, timestamp): a "loose index scan". PostgreSQL before 18 cannot skip
 * through an index by a middle column on its own, so without this, counting a time range across all names
 * reads every index entry of the workspace (all of its history) instead of only the range for each name.
 * PGlite is PostgreSQL 18, which skips natively; the same SQL serves both. A workspace has tens of event
 * names, so this is tens of probes. Use inside `with recursive`.
 */
export function eventNamesCte(workspaceId: string): SQL {
  return sql`
    event_names(name) as (
      (select e.name from events e
        where e.workspace_id = ${workspaceId} and e.name is not null
        order by e.name limit 1)
      union all
      select (select e.name from events e
               where e.workspace_id = ${workspaceId} and e.name > n.name
               order by e.name limit 1)
      from event_names n
      where n.name is not null
    )
  `;
}
