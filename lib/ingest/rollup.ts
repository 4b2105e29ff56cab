import { type SQL, sql } from "drizzle-orm";
import { toPgArray } from "@/lib/customers/identity-store";
import type { Db } from "@/lib/db/client";
import { NPS_EVENT, NPS_SCORE_PROPERTY } from "@/lib/metrics/kpis/nps";
import { jsonNumber } from "@/lib/metrics/kpis/sql";
import { refreshPeriodRollups } from "@/lib/metrics/rollups/refresh";
import { PURCHASE_EVENT, SUBSCRIPTION_CANCELLED, SUBSCRIPTION_EVENTS } from "./commerce-events";
import { SYSTEM_EVENT_TYPE } from "./system-events";

/**
 * customer_daily_activity: one row per customer per day on which the customer has at least one event.
 *
 * Definition (METRICS.md "Conventions" and "Commerce and subscription KPIs"):
 * - day                = the event timestamp's calendar date in the workspace's time zone,
 *                        `(timestamp at time zone workspaces.time_zone)::date`;
 * - event_count        = all events of any type;
 * - active_event_count = events of type track, page or screen ("active" in METRICS.md);
 * - order_count        = distinct orders among track events named `Order Completed`. An order is identified by
 *                        `properties.order_id` when present, else by the event's message_id, so a retried or
 *                        duplicated order event counts once. It counts on the day of its earliest event;
 * - revenue            = Σ over those orders of the `revenue` property, falling back to `total` when `revenue`
 *                        is missing or not a number (the earliest event of the order supplies both).
 *
 * Orders are deduplicated per customer: rebuilding a few customers then gives exactly the rows a full rebuild
 * would. The same order_id under two unmerged profiles counts for each until identity resolution merges them
 * and rebuilds the survivor. A change of the workspace's time zone needs a full rebuild.
 *
 * Rows are recomputed from raw events (delete, then one INSERT … SELECT) rather than adjusted, so the
 * rollup can never drift from the events it summarises. Incremental ingest calls this with the ids of the
 * customers a batch touched; the seed and repair tools call it for the whole workspace.
 */
export async function rebuildDailyActivity(db: Db, workspaceId: string, customerIds?: readonly number[]) {
  if (customerIds !== undefined && customerIds.length === 0) return;
  const onlyCustomers = customerFilter(customerIds);
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      delete from customer_daily_activity
      where workspace_id = ${workspaceId} ${onlyCustomers}
    `);
    await tx.execute(sql`
      insert into customer_daily_activity
        (workspace_id, customer_id, day, event_count, active_event_count, order_count, revenue)
      with scoped as (
        select e.id, e.message_id, e.customer_id, e.type, e.name, e.properties, e.timestamp,
               (e.timestamp at time zone w.time_zone)::date as day
        from events e
        join workspaces w on w.id = e.workspace_id
        where e.workspace_id = ${workspaceId} ${onlyCustomers} and e.type <> ${SYSTEM_EVENT_TYPE}
      ),
      activity as (
        select customer_id, day,
               count(*) as event_count,
               count(*) filter (where type in ('track', 'page', 'screen')) as active_event_count
        from scoped
        group by customer_id, day
      ),
      orders as (
        select distinct on (customer_id, order_key) customer_id, day, amount
        from (
          select customer_id, day, timestamp, id,
                 ${ORDER_KEY} as order_key,
                 ${ORDER_AMOUNT} as amount
          from scoped
          where type = 'track' and name = ${PURCHASE_EVENT}
        ) o
        order by customer_id, order_key, timestamp, id
      ),
      order_days as (
        select customer_id, day, count(*) as order_count, coalesce(sum(amount), 0) as revenue
        from orders
        group by customer_id, day
      )
      select ${workspaceId}::uuid, a.customer_id, a.day, a.event_count, a.active_event_count,
             coalesce(o.order_count, 0), coalesce(o.revenue, 0)
      from activity a
      left join order_days o on o.customer_id = a.customer_id and o.day = a.day
    `);
  });
}

/**
 * The daily rollup and the period rollups derived from it (lib/metrics/rollups) for some customers or, without
 * ids, the whole workspace: what bulk writers (the seed, a time-zone change, test fixtures) call after
 * writing events directly.
 */
export async function rebuildActivityRollups(db: Db, workspaceId: string, customerIds?: readonly number[]) {
  await rebuildDailyActivity(db, workspaceId, customerIds);
  await refreshPeriodRollups(db, workspaceId, customerIds);
}

/**
 * Recomputes the profile facts stored on customers from their events and the daily rollup (rebuild the
 * rollup first). The customer list sorts and filters on these columns, so they are kept, not derived per view.
 * - first_seen_at / last_seen_at: earliest / latest event timestamp (null without events);
 * - last_active_at: latest track, page or screen event (METRICS.md "active");
 * - nps_score: the latest valid NPS answer's score (the NPS KPI's rule, lib/metrics/kpis/nps.ts);
 * - event_count, order_count, lifetime_revenue: sums of the rollup (orders unique by order_id, revenue with
 *   the `total` fallback, as defined on rebuildDailyActivity);
 * - last_order_at: timestamp of the latest `Order Completed` event;
 * - mrr, plan: from the latest `Subscription Started|Changed|Renewed|Cancelled` event: 0 after a cancellation,
 *   else its `mrr` property, or its `amount` (÷ 12 when `interval` is `year`); null without subscription events.
 */
export async function refreshCustomerFacts(db: Db, workspaceId: string, customerIds?: readonly number[]) {
  if (customerIds !== undefined && customerIds.length === 0) return;
  const onlyCustomers = customerFilter(customerIds, sql`c.id`);
  await db.execute(sql`
    update customers c
    set first_seen_at = seen.first_seen,
        last_seen_at = seen.last_seen,
        last_active_at = seen.last_active,
        event_count = coalesce(totals.events, 0),
        order_count = coalesce(totals.orders, 0),
        lifetime_revenue = coalesce(totals.revenue, 0),
        last_order_at = (
          select max(e.timestamp) from events e
          where e.workspace_id = c.workspace_id and e.customer_id = c.id
            and e.type = 'track' and e.name = ${PURCHASE_EVENT}
        ),
        mrr = sub.mrr,
        plan = sub.plan,
        nps_score = (
          select s.score from events e
          cross join lateral (select ${jsonNumber(sql`e.properties`, NPS_SCORE_PROPERTY)} as score) s
          where e.workspace_id = c.workspace_id and e.customer_id = c.id and e.type = 'track' and e.name = ${NPS_EVENT}
            and s.score between 0 and 10 and s.score = trunc(s.score)
          order by e.timestamp desc, e.id desc
          limit 1
        )
    from customers c2
    left join lateral (
      select min(e.timestamp) as first_seen, max(e.timestamp) as last_seen,
             max(e.timestamp) filter (where e.type in ('track', 'page', 'screen')) as last_active
      from events e where e.workspace_id = c2.workspace_id and e.customer_id = c2.id and e.type <> ${SYSTEM_EVENT_TYPE}
    ) seen on true
    left join lateral (
      select sum(a.event_count)::int as events, sum(a.order_count)::int as orders, sum(a.revenue) as revenue
      from customer_daily_activity a where a.workspace_id = c2.workspace_id and a.customer_id = c2.id
    ) totals on true
    left join lateral (
      select
        case
          when e.name = ${SUBSCRIPTION_CANCELLED} then 0
          else coalesce(${numericProperty("mrr")},
                        ${numericProperty("amount")} / case when e.properties->>'interval' = 'year' then 12 else 1 end)
        end as mrr,
        e.properties->>'plan' as plan
      from events e
      where e.workspace_id = c2.workspace_id and e.customer_id = c2.id and e.type = 'track'
        and e.name = any(${toPgArray(SUBSCRIPTION_EVENTS)}::text[])
      order by e.timestamp desc, e.id desc
      limit 1
    ) sub on true
    where c.workspace_id = ${workspaceId} and c2.workspace_id = c.workspace_id and c2.id = c.id ${onlyCustomers}
  `);
}

/**
 * `and <column> = any($n::bigint[])` for an optional list of customer ids. The whole list is one bound
 * parameter (a PostgreSQL array literal of validated integers), so any number of ids fits in one statement.
 */
function customerFilter(customerIds: readonly number[] | undefined, column: SQL = sql`customer_id`): SQL {
  if (customerIds === undefined) return sql``;
  for (const id of customerIds) {
    if (!Number.isSafeInteger(id)) throw new Error(`customer id must be an integer, got ${String(id)}`);
  }
  return sql`and ${column} = any(${`{${customerIds.join(",")}}`}::bigint[])`;
}

/**
 * A numeric event property, or null when it is missing or not a number. Ingest keeps properties as sent, so
 * amounts can arrive as JSON numbers or numeric strings ("19.90"); anything else (or an amount too large for
 * numeric(14,2)) is ignored instead of failing the whole rebuild.
 */
export function numericProperty(name: keyof typeof AMOUNT_PROPERTIES): SQL {
  const { value, text } = AMOUNT_PROPERTIES[name];
  // Nested CASE, not AND: PostgreSQL does not promise to evaluate AND left to right, and the cast must only
  // run once the type check has passed.
  return sql`(case
    when jsonb_typeof(${value}) = 'number' then
      case when abs((${text})::numeric) < 1e12 then (${text})::numeric end
    when jsonb_typeof(${value}) = 'string' and ${text} ~ '^\\s*-?[0-9]{1,12}(\\.[0-9]+)?\\s*$' then
      trim(${text})::numeric
  end)`;
}

// Property keys are fixed SQL text, not parameters: `properties -> $1` would leave PostgreSQL to guess
// between the text and the integer form of the operator.
const AMOUNT_PROPERTIES = {
  revenue: { value: sql`properties->'revenue'`, text: sql`properties->>'revenue'` },
  total: { value: sql`properties->'total'`, text: sql`properties->>'total'` },
  mrr: { value: sql`properties->'mrr'`, text: sql`properties->>'mrr'` },
  amount: { value: sql`properties->'amount'`, text: sql`properties->>'amount'` },
} as const;

/** How an order is identified: its order_id, or the event's own message id when it has none. */
export const ORDER_KEY = sql`coalesce(nullif(properties->>'order_id', ''), message_id)`;

/** The amount an order contributes: its `revenue`, falling back to `total`. */
export const ORDER_AMOUNT = sql`coalesce(${numericProperty("revenue")}, ${numericProperty("total")})`;
