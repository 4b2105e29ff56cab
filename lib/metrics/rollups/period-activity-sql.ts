import { type SQL, sql } from "drizzle-orm";

/** The period activity rows of customer_daily_activity, for live customers, as an INSERT's SELECT. */
export function periodActivitySelect(workspaceId: string, onlyCustomers: SQL = sql``): SQL {
  return sql`
    select a.workspace_id, a.customer_id, k.period, date_trunc(k.period, a.day::timestamp)::date,
           bool_or(a.active_event_count > 0)
    from customer_daily_activity a
    join customers c on c.workspace_id = a.workspace_id and c.id = a.customer_id and c.merged_into is null
    cross join (values ('week'), ('month')) as k(period)
    where a.workspace_id = ${workspaceId} ${onlyCustomers}
    group by 1, 2, 3, 4`;
}

/** A PostgreSQL array literal of validated integers, bound as one parameter. */
export function bigintList(ids: readonly number[]): string {
  for (const id of ids) if (!Number.isSafeInteger(id)) throw new Error(`customer id must be an integer, got ${id}`);
  return `{${ids.join(",")}}`;
}
