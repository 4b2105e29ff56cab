import { type SQL, sql } from "drizzle-orm";
import type { MetricContext } from "@/lib/metrics/settings";
import { countedCustomer } from "./sql";

/**
 * Body of a `signups(customer_id, signed_up_at)` CTE: customers who signed up between the start of the first
 * and the end of the last row of a `periods` CTE (see periodsTable) that the query defines before it.
 * Signing up (METRICS.md "Time to first value") is the customer's first configured signup event, or, without
 * one, their first event of any kind (customers.first_seen_at, kept by ingest).
 *
 * With a signup event the customer's first one is customer_event_facts.first_at of that name (kept by ingest;
 * an event name only exists on track, page and screen events, the ones the facts cover), so a signup in the
 * periods is one range of the (workspace_id, name, first_at) index: an older signup event before the periods
 * moves first_at out of the range by itself.
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
    select f.customer_id, f.first_at as signed_up_at
    from customer_event_facts f
    where f.workspace_id = ${workspaceId} and f.name = ${settings.signupEvent}
      and f.first_at >= ${spanStart} and f.first_at < ${spanEnd}
      and ${countedCustomer(sql`f.customer_id`, workspaceId)}
  `;
}
