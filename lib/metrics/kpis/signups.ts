import { type SQL, sql } from "drizzle-orm";
import type { MetricContext } from "@/lib/metrics/settings";
import { countedCustomer } from "./sql";

/**
 * Body of a `signups(customer_id, signed_up_at)` CTE: customers who signed up between the start of the first
 * and the end of the last row of a `periods` CTE (see periodsTable) that the query defines before it.
 * Signing up (METRICS.md "Time to first value") is the customer's first configured signup event, or, without
 * one, their first event of any kind (customers.first_seen_at, kept by ingest).
 *
 * With a signup event this reads that event name over the periods through the (workspace_id, name, timestamp)
 * index and checks the customer's earlier history for an older one. A stored signed_up_at on customers, kept
 * by ingest, would make it one index range at 10M events.
 */
export function signupsCte(context: MetricContext): SQL {
  const { workspaceId, settings } = context;
  const spanStart = sql`(select min(start_at) from periods)`;
  const spanEnd = sql`(select max(end_at) from periods)`;
  if (settings.signupEvent === null) {
    return sql`
      select c.id as customer_id, c.first_seen_at as signed_up_at
      from customers c
      where c.workspace_id = ${workspaceId} and c.merged_into is null
        and c.first_seen_at >= ${spanStart} and c.first_seen_at < ${spanEnd}
    `;
  }
  return sql`
    select e.customer_id, min(e.timestamp) as signed_up_at
    from events e
    where e.workspace_id = ${workspaceId} and e.name = ${settings.signupEvent}
      and e.timestamp >= ${spanStart} and e.timestamp < ${spanEnd}
      and ${countedCustomer(sql`e.customer_id`, workspaceId)}
      and not exists (
        select 1 from events x
        where x.workspace_id = ${workspaceId} and x.customer_id = e.customer_id
          and x.timestamp < ${spanStart} and x.name = ${settings.signupEvent}
      )
    group by e.customer_id
  `;
}
