import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { MetricContext } from "@/lib/metrics/settings";
import { countedCustomer, jsonNumber, textArray } from "./sql";

function subscriptionEventNames(context: MetricContext): string[] {
  const { started, changed, renewed, cancelled } = context.settings.subscription;
  return [started, changed, renewed, cancelled];
}

/**
 * Whether the workspace has any subscription event at all. METRICS.md: without subscriptions, "active
 * customer" falls back to activity within the inactivity window. One index probe on (workspace_id, name).
 */
export async function hasSubscriptions(db: Db, context: MetricContext): Promise<boolean> {
  const [row] = await rows<{ found: boolean }>(
    db,
    sql`select exists (
      select 1 from events e
      where e.workspace_id = ${context.workspaceId} and e.name = any(${textArray(subscriptionEventNames(context))})
        and e.type = 'track'
    ) as found`,
  );
  return row?.found === true;
}

/**
 * Every subscription event before `until`, one row per event, with the MRR it leaves the customer at:
 * - mrr: 0 after a cancellation, else the `mrr` property, else `amount` (÷ 12 when `interval` is `year`), else 0
 *   (the same rule as customers.mrr in lib/ingest/rollup.ts, with the event names from settings);
 * - active: false after a cancellation (a subscription at 0 MRR that is not cancelled is still active);
 * - previous_mrr: the MRR after the customer's previous subscription event (0 before the first);
 * - paid_before: whether any earlier event of the customer left MRR above 0 (tells reactivation from new);
 * - next_at: when the customer's next event replaces this state (null: still current at `until`);
 * - first_at: the customer's first subscription event (when they were acquired as a subscriber).
 * Ties at the same timestamp are ordered by event id (arrival order).
 *
 * At 10M events this reads every subscription event before `until` per request; a subscription-state rollup
 * (one row per customer per change: valid_from, valid_to, mrr, active) kept by ingest would replace it.
 */
export function subscriptionTimeline(context: MetricContext, until: SQL): SQL {
  const { workspaceId, settings } = context;
  const mrrProperty = jsonNumber(sql`e.properties`, "mrr");
  const amountProperty = jsonNumber(sql`e.properties`, "amount");
  return sql`
    select customer_id, at, active, mrr,
           coalesce(lag(mrr) over w, 0) as previous_mrr,
           coalesce(bool_or(mrr > 0) over (w rows between unbounded preceding and 1 preceding), false) as paid_before,
           lead(at) over w as next_at,
           first_value(at) over w as first_at
    from (
      select e.customer_id, e.id, e.timestamp as at,
             e.name <> ${settings.subscription.cancelled} as active,
             case when e.name = ${settings.subscription.cancelled} then 0
                  else coalesce(${mrrProperty},
                                ${amountProperty} / case when e.properties->>'interval' = 'year' then 12 else 1 end,
                                0)
             end as mrr
      from events e
      where e.workspace_id = ${workspaceId} and e.type = 'track'
        and e.name = any(${textArray(subscriptionEventNames(context))})
        and e.timestamp < ${until}
        and ${countedCustomer(sql`e.customer_id`, workspaceId)}
    ) s
    window w as (partition by customer_id order by at, id)
  `;
}
