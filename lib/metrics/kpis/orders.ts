import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { type MetricContext, resolveMetricSettings } from "@/lib/metrics/settings";
import { type DateRange, periodsTable } from "./period";
import { countedCustomer, jsonNumber } from "./sql";

export type OrderStats = {
  orders: number;
  /** Σ revenue of the orders (the revenue property, else the fallback property; missing counts as 0). */
  revenue: number;
  /** Σ discount of the orders (the discount property; missing counts as 0). */
  discount: number;
  /** Customers with at least one order in the period. */
  customers: number;
  /** Customers with at least two orders in the period. */
  repeatCustomers: number;
};

/**
 * Orders per period (METRICS.md "Orders"): track events named by the configured purchase event. An order is
 * unique by the configured order id property when present (else each event is its own order), per customer,
 * as in the daily rollup: a duplicate (a client retry) counts once, at its earliest event, with that event's
 * revenue and discount. A copy of an order sent before the first period does not count again inside it.
 *
 * Reads customer_orders (lib/metrics/facts/orders.ts), which holds exactly those orders: one row per order at
 * its earliest copy, so an order counts in the period holding its `at` and in no other, and the copy sent
 * before the first period is the row's `at`. That table follows the purchase settings the workspace has
 * saved; asked with other purchase settings (a what-if, a test), the orders are read from events instead.
 */
export async function orderStats(db: Db, context: MetricContext, periods: readonly DateRange[]): Promise<OrderStats[]> {
  if (periods.length === 0) return [];
  const fromFacts = await factsFollowPurchaseSettings(db, context);
  return statsOfOrders(db, context, periods, fromFacts ? ordersFromFacts(context) : ordersFromEvents(context));
}

/**
 * The orders whose earliest copy falls in each period, from customer_orders. Merged-away profiles have no rows
 * there (their events move to the survivor, whose rows are recomputed), so no join to customers is needed.
 * The (workspace_id, at) index reads each period's rows only.
 */
function ordersFromFacts(context: MetricContext): SQL {
  return sql`
    select p.idx, o.customer_id, o.revenue, o.discount
    from periods p
    join customer_orders o on o.workspace_id = ${context.workspaceId} and o.at >= p.start_at and o.at < p.end_at
  `;
}

/**
 * The same orders from purchase events, over the periods only, through the (workspace_id, name, timestamp)
 * index: the earliest copy inside the periods, unless a copy was sent before the first period.
 */
function ordersFromEvents(context: MetricContext): SQL {
  const { workspaceId, settings } = context;
  const purchase = settings.purchase;
  const orderKey = (alias: string): SQL =>
    purchase.orderIdProperty === null
      ? sql.raw(`${alias}.message_id`)
      : sql`coalesce(nullif(${sql.raw(alias)}.properties ->> ${purchase.orderIdProperty}::text, ''), ${sql.raw(alias)}.message_id)`;
  const revenue =
    purchase.fallbackRevenueProperty === null
      ? jsonNumber(sql`e.properties`, purchase.revenueProperty)
      : sql`coalesce(${jsonNumber(sql`e.properties`, purchase.revenueProperty)}, ${jsonNumber(sql`e.properties`, purchase.fallbackRevenueProperty)})`;
  const discount =
    purchase.discountProperty === null ? sql`0` : jsonNumber(sql`e.properties`, purchase.discountProperty);
  // Without an order id property every event is its own order and no earlier copy can exist.
  const notSeenBefore =
    purchase.orderIdProperty === null
      ? sql`true`
      : sql`not exists (
          select 1 from events x
          where x.workspace_id = ${workspaceId} and x.customer_id = o.customer_id
            and x.timestamp < (select min(start_at) from periods)
            and x.type = 'track' and x.name = ${purchase.event} and ${orderKey("x")} = o.order_key
        )`;
  return sql`
    select p.idx, o.customer_id, o.revenue, o.discount
    from (
      select distinct on (customer_id, order_key) *
      from (
        select e.customer_id, e.id, e.timestamp, ${orderKey("e")} as order_key,
               ${revenue} as revenue, ${discount} as discount
        from events e
        where e.workspace_id = ${workspaceId} and e.name = ${purchase.event} and e.type = 'track'
          and e.timestamp >= (select min(start_at) from periods) and e.timestamp < (select max(end_at) from periods)
          and ${countedCustomer(sql`e.customer_id`, workspaceId)}
      ) purchases
      order by customer_id, order_key, timestamp, id
    ) o
    join periods p on o.timestamp >= p.start_at and o.timestamp < p.end_at
    where ${notSeenBefore}
  `;
}

/**
 * Whether customer_orders was built with the context's purchase settings: ingest, the settings save and the
 * backfill all keep it by the settings stored on the workspace.
 */
async function factsFollowPurchaseSettings(db: Db, context: MetricContext): Promise<boolean> {
  const [row] = await rows<{ metrics: unknown }>(
    db,
    sql`select settings -> 'metrics' as metrics from workspaces where id = ${context.workspaceId}`,
  );
  if (!row) return false;
  const saved = resolveMetricSettings(row.metrics).purchase;
  const asked = context.settings.purchase;
  return (Object.keys(saved) as (keyof typeof saved)[]).every((key) => saved[key] === asked[key]);
}

/**
 * Totals per period over `orders` (rows of idx, customer_id, revenue, discount; a missing amount is 0). The
 * sums and the per-customer counts are two aggregates over the same rows (read twice, not materialized): one
 * grouping by customer that also summed the numeric amounts held ~100k wide groups at 10M events and spilled
 * to disk, which took longer than reading the rows again.
 */
async function statsOfOrders(
  db: Db,
  context: MetricContext,
  periods: readonly DateRange[],
  orders: SQL,
): Promise<OrderStats[]> {
  const result = await rows<{
    idx: number;
    orders: number;
    revenue: string | null;
    discount: string | null;
    customers: number;
    repeat_customers: number;
  }>(
    db,
    sql`
      with periods as (${periodsTable(periods, context.timeZone)}),
      orders as not materialized (${orders}),
      totals as (
        select idx, count(*) as orders, sum(revenue) as revenue, sum(discount) as discount
        from orders group by idx
      ),
      buyers as (
        select idx, count(*) as customers, count(*) filter (where orders >= 2) as repeat_customers
        from (select idx, count(*) as orders from orders group by idx, customer_id) per_customer
        group by idx
      )
      select p.idx,
             coalesce(t.orders, 0)::int as orders,
             coalesce(t.revenue, 0)::text as revenue,
             coalesce(t.discount, 0)::text as discount,
             coalesce(b.customers, 0)::int as customers,
             coalesce(b.repeat_customers, 0)::int as repeat_customers
      from periods p
      left join totals t on t.idx = p.idx
      left join buyers b on b.idx = p.idx
      order by p.idx
    `,
  );
  return result.map((r) => ({
    orders: Number(r.orders),
    revenue: Number(r.revenue ?? 0),
    discount: Number(r.discount ?? 0),
    customers: Number(r.customers),
    repeatCustomers: Number(r.repeat_customers),
  }));
}

/** AOV = (Σ revenue − Σ discount) / number of orders. Null without orders. */
export function averageOrderValue(s: OrderStats): number | null {
  return s.orders === 0 ? null : (s.revenue - s.discount) / s.orders;
}

/** Repeat purchase rate = customers with ≥ 2 orders / customers with ≥ 1 order. Null without orders. */
export function repeatPurchaseRate(s: OrderStats): number | null {
  return s.customers === 0 ? null : s.repeatCustomers / s.customers;
}
