import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { ACTIVE_TYPES } from "@/lib/ingest/active-types";
import type { StoredEvent } from "@/lib/ingest/write-events";
import { periodStart } from "../periods";
import { ROLLUP_PERIODS } from "./contributions";
import { bigintList } from "./period-activity-sql";

/*
 * customer_event_periods (lib/db/schema/event-periods.ts): per customer, named track/page/screen event and
 * period kind, the sorted periods in which the customer performed it. The named-event cohort and lifecycle
 * queries read it (lib/metrics/activity-sql.ts); it always equals what rebuildEventPeriods derives from events.
 */

/**
 * Adds newly stored events (of customers whose history did not otherwise change) in one statement. Rows that
 * already hold every period of the batch are only read: most events fall in a week in which the customer
 * already performed that event, and an upsert would lock (write) each of those rows for nothing. The check is
 * a scalar subquery, so each row stays one primary-key probe whatever the planner knows about the table.
 */
export async function addEventPeriods(db: Db, workspaceId: string, events: readonly StoredEvent[]) {
  const byKey = new Map<string, { c: number; n: string; period: string; set: Set<string> }>();
  const starts = new Map<string, string[]>();
  for (const e of events) {
    if (e.name === null || !ACTIVE_TYPES.has(e.type)) continue;
    let periods = starts.get(e.day);
    if (!periods) {
      periods = ROLLUP_PERIODS.map((period) => periodStart(e.day, period));
      starts.set(e.day, periods);
    }
    ROLLUP_PERIODS.forEach((period, i) => {
      const key = `${e.customerId}|${period}|${e.name}`;
      let row = byKey.get(key);
      if (!row) {
        row = { c: e.customerId, n: e.name as string, period, set: new Set<string>() };
        byKey.set(key, row);
      }
      row.set.add(periods[i] as string);
    });
  }
  if (byKey.size === 0) return;
  // One fixed (customer, name, period) order, compared by code unit, keeps concurrent batches from deadlocking;
  // the rows are upserted in the order of the JSON array, not re-sorted by the database's collation.
  const values = [...byKey.values()]
    .map(({ c, n, period, set }) => ({ c, n, period, s: [...set].sort() }))
    .sort((x, y) => x.c - y.c || cmp(x.n, y.n) || cmp(x.period, y.period));
  await db.execute(sql`
    insert into customer_event_periods as t (workspace_id, name, period, customer_id, first_start, starts)
    select ${workspaceId}::uuid, x.n, x.period, x.c, x.s[1], x.s
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as x(c bigint, n text, period text, s date[])
    where not coalesce(
      (select h.starts @> x.s from customer_event_periods h
       where h.workspace_id = ${workspaceId} and h.name = x.n and h.period = x.period and h.customer_id = x.c),
      false)
    on conflict (workspace_id, name, period, customer_id) do update set
      starts = array(select distinct d from unnest(t.starts || excluded.starts) as u(d) order by d),
      first_start = least(t.first_start, excluded.first_start)
  `);
}

/**
 * Replaces the rows of `customerIds` (a merge moved events onto them or away from them, a rebuilt daily
 * rollup), or of the whole workspace without ids (a time-zone change, a backfill), with rows derived from
 * events. Merged-away customers end with none (their events carry the survivor's id, and the join keeps only
 * live customers, as customer_period_activity does), so readers need not join customers to drop them.
 */
export async function rebuildEventPeriods(db: Db, workspaceId: string, customerIds?: readonly number[]) {
  if (customerIds !== undefined && customerIds.length === 0) return;
  const ids = customerIds === undefined ? null : bigintList([...customerIds].sort((a, b) => a - b));
  const only = (column: SQL): SQL => (ids === null ? sql`` : sql`and ${column} = any(${ids}::bigint[])`);
  await db.execute(
    sql`delete from customer_event_periods where workspace_id = ${workspaceId} ${only(sql`customer_id`)}`,
  );
  await db.execute(sql`
    insert into customer_event_periods (workspace_id, name, period, customer_id, first_start, starts)
    select e.workspace_id, e.name, k.period, e.customer_id, min(x.p), array_agg(distinct x.p order by x.p)
    from events e
    join workspaces w on w.id = e.workspace_id
    join customers c on c.workspace_id = e.workspace_id and c.id = e.customer_id and c.merged_into is null
    cross join (values ('week'), ('month')) as k(period)
    cross join lateral (select date_trunc(k.period, e.timestamp at time zone w.time_zone)::date as p) x
    where e.workspace_id = ${workspaceId} ${only(sql`e.customer_id`)}
      and e.type in ('track', 'page', 'screen') and e.name is not null
    group by e.workspace_id, e.name, k.period, e.customer_id
  `);
}

/**
 * Fills the table for workspaces that have named events but no rows yet (a database from before it existed).
 * At server start and in the bench, like the period rollups; a no-op once filled.
 */
export async function backfillEventPeriods(db: Db, log: (message: string) => void = () => {}) {
  const missing = await rows<{ id: string }>(
    db,
    sql`
      select w.id from workspaces w
      where exists (select 1 from events e
                    where e.workspace_id = w.id and e.type in ('track', 'page', 'screen') and e.name is not null)
        and not exists (select 1 from customer_event_periods p where p.workspace_id = w.id)`,
  );
  for (const { id } of missing) {
    log(`building the named-event periods of workspace ${id}`);
    await db.transaction((tx) => rebuildEventPeriods(tx, id));
  }
  // Statistics now rather than at autovacuum's next round: without them a range on first_start is estimated
  // at 0.5 % of the rows and the first cohort views plan a nested loop over every member.
  if (missing.length > 0) await db.execute(sql`analyze customer_event_periods`);
  return missing.length;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
