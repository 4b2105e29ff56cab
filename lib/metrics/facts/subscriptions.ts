import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { countedCustomer, jsonNumber, textArray } from "@/lib/metrics/kpis/sql";
import { bigintList } from "@/lib/metrics/rollups/period-activity-sql";
import type { MetricContext } from "@/lib/metrics/settings";
import type { FactChanges } from "./index";

/** The four subscription event names of the workspace's settings (METRICS.md "MRR"). */
export function subscriptionEventNames(context: MetricContext): string[] {
  const { started, changed, renewed, cancelled } = context.settings.subscription;
  return [started, changed, renewed, cancelled];
}

/**
 * Keeps subscription_spans current for one ingest transaction. A new subscription event can land anywhere in
 * a customer's history (events arrive out of order), and a customer has few of them, so the spans of every
 * customer it touches are recomputed from their events rather than patched. Customers a merge changed are
 * recomputed too; customers merged away lose their spans (their events now carry the survivor's id).
 */
export async function updateSubscriptionSpans(db: Db, context: MetricContext, changes: FactChanges) {
  const names = new Set(subscriptionEventNames(context));
  const mergedAway = new Set(changes.mergedAway);
  const recompute = new Set(changes.rebuild);
  for (const e of changes.stored) {
    if (e.type === "track" && e.name !== null && names.has(e.name)) recompute.add(e.customerId);
  }
  for (const id of mergedAway) recompute.delete(id);
  if (mergedAway.size > 0) {
    await db.execute(
      sql`delete from subscription_spans
          where workspace_id = ${context.workspaceId} ${customerFilter(sql`customer_id`, [...mergedAway])}`,
    );
  }
  if (recompute.size > 0) await rebuildSubscriptionSpans(db, context, [...recompute]);
}

/**
 * Recomputes subscription_spans from events: the whole workspace in one set-based statement, or only
 * `customerIds` (their spans are replaced, so a customer without subscription events left has none).
 * Customers are deleted and inserted in ascending id order, so concurrent ingest transactions touching the same
 * customers take their row locks in the same order.
 */
export async function rebuildSubscriptionSpans(db: Db, context: MetricContext, customerIds?: readonly number[]) {
  if (customerIds !== undefined && customerIds.length === 0) return;
  const only = (column: SQL) => (customerIds === undefined ? sql`` : customerFilter(column, customerIds));
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`delete from subscription_spans where workspace_id = ${context.workspaceId} ${only(sql`customer_id`)}`,
    );
    await tx.execute(sql`
      insert into subscription_spans
        (workspace_id, customer_id, valid_from, event_id, valid_to, active, mrr, previous_mrr, paid_before, first_at)
      ${spansFromEvents(context, only(sql`e.customer_id`))}
    `);
  });
}

/**
 * The spans: lib/metrics/kpis/subscriptions.ts's definition of a customer's subscription state, materialised.
 * Per customer, in (timestamp, event id) order, every subscription event sets
 * - active: false after a cancellation (a subscription at 0 MRR that is not cancelled is still active);
 * - mrr: 0 after a cancellation, else the `mrr` property, else `amount` (÷ 12 when `interval` is `year`), else 0
 *   (the same rule as customers.mrr in lib/ingest/rollup.ts, with the event names from settings).
 * An event that leaves (active, mrr) as they were (typically a renewal) extends the current span instead of
 * starting one. That changes no KPI: the state at an instant is the same (the span holds the values of every
 * event in it), and such an event moves nothing in mrr.ts, whose movements all need mrr ≠ previous_mrr
 * (expansion, contraction, churn) or a 0 → x > 0 change (new, reactivation), while for it previous_mrr = mrr.
 * paid_before over spans equals paid_before over events, as the events of a span share its MRR.
 * Merged-away profiles get no spans (their events are the survivor's once the merge has moved them).
 */
function spansFromEvents(context: MetricContext, onlyCustomers: SQL): SQL {
  const { workspaceId, settings } = context;
  const { cancelled } = settings.subscription;
  const mrrProperty = jsonNumber(sql`e.properties`, "mrr");
  const amountProperty = jsonNumber(sql`e.properties`, "amount");
  return sql`
    select ${workspaceId}::uuid, customer_id, at, id,
           lead(at) over s as valid_to,
           active, mrr,
           coalesce(lag(mrr) over s, 0) as previous_mrr,
           coalesce(bool_or(mrr > 0) over (s rows between unbounded preceding and 1 preceding), false) as paid_before,
           first_at
    from (
      select x.*,
             lag(x.active) over w as prior_active,
             lag(x.mrr) over w as prior_mrr,
             min(x.at) over (partition by x.customer_id) as first_at
      from (
        select e.customer_id, e.id, e.timestamp as at,
               e.name <> ${cancelled} as active,
               case when e.name = ${cancelled} then 0
                    else coalesce(${mrrProperty},
                                  ${amountProperty} / case when e.properties->>'interval' = 'year' then 12 else 1 end,
                                  0)
               end as mrr
        from events e
        where e.workspace_id = ${workspaceId} ${onlyCustomers}
          and e.type = 'track' and e.name = any(${textArray(subscriptionEventNames(context))})
          and ${countedCustomer(sql`e.customer_id`, workspaceId)}
      ) x
      window w as (partition by x.customer_id order by x.at, x.id)
    ) changes
    where prior_active is null or prior_active <> active or prior_mrr <> mrr
    window s as (partition by customer_id order by at, id)
    order by customer_id, at, id
  `;
}

function customerFilter(column: SQL, customerIds: readonly number[]): SQL {
  return sql`and ${column} = any(${bigintList([...customerIds].sort((a, b) => a - b))}::bigint[])`;
}
