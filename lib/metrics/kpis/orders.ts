import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { MetricContext } from "@/lib/metrics/settings";
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
 * Reads purchase events through the (workspace_id, name, timestamp) index over the periods only. The rollup
 * cannot serve this yet: it has no discount and follows the default event and property names, not settings.
 * At 10M events an order rollup (one row per order: customer, first_at, revenue, discount) would replace it.
 */
export async function orderStats(db: Db, context: MetricContext, periods: readonly DateRange[]): Promise<OrderStats[]> {
  if (periods.length === 0) return [];
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
      purchases as (
        select e.customer_id, e.id, e.timestamp, ${orderKey("e")} as order_key,
               ${revenue} as revenue, ${discount} as discount
        from events e
        where e.workspace_id = ${workspaceId} and e.name = ${purchase.event} and e.type = 'track'
          and e.timestamp >= (select min(start_at) from periods) and e.timestamp < (select max(end_at) from periods)
          and ${countedCustomer(sql`e.customer_id`, workspaceId)}
      ),
      orders as (
        select distinct on (customer_id, order_key) *
        from purchases
        order by customer_id, order_key, timestamp, id
      ),
      per_customer as (
        select p.idx, o.customer_id, count(*) as orders,
               coalesce(sum(o.revenue), 0) as revenue, coalesce(sum(o.discount), 0) as discount
        from orders o
        join periods p on o.timestamp >= p.start_at and o.timestamp < p.end_at
        where ${notSeenBefore}
        group by p.idx, o.customer_id
      )
      select p.idx,
             coalesce(sum(c.orders), 0)::int as orders,
             coalesce(sum(c.revenue), 0)::text as revenue,
             coalesce(sum(c.discount), 0)::text as discount,
             count(c.customer_id)::int as customers,
             count(c.customer_id) filter (where c.orders >= 2)::int as repeat_customers
      from periods p
      left join per_customer c on c.idx = p.idx
      group by p.idx
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
