import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { countedCustomer, jsonNumber } from "@/lib/metrics/kpis/sql";
import { bigintList } from "@/lib/metrics/rollups/period-activity-sql";
import type { MetricContext } from "@/lib/metrics/settings";
import type { FactChanges } from "./index";

/**
 * customer_orders: one row per order (METRICS.md "Orders", names from the workspace's purchase settings).
 * A track event named by the purchase event is a copy of the order keyed by the order id property (an empty
 * string counts as missing), else by the event's own message id. Per customer and key the row holds the
 * earliest copy (by timestamp, then event id) with that copy's revenue (revenue property, else the fallback)
 * and discount. Merged-away profiles have no rows: their events count on the survivor.
 *
 * Both paths below produce what `ordersFromEvents` produces over all of a customer's events: a rebuild runs
 * it directly, an ingest batch runs it over the new events only and keeps the earlier of old and new per key,
 * which is the same minimum because the earliest of a set is the earlier of the earliest of its parts.
 */

/** Keeps customer_orders current for one ingest transaction. */
export async function updateOrderFacts(db: Db, context: MetricContext, changes: FactChanges) {
  const { workspaceId } = context;
  if (changes.mergedAway.length > 0) {
    await db.execute(sql`
      delete from customer_orders
      where workspace_id = ${workspaceId} and customer_id = any(${bigintIds(changes.mergedAway)})
    `);
  }
  if (changes.rebuild.length > 0) await rebuildOrderFacts(db, context, changes.rebuild);

  const recomputed = new Set([...changes.rebuild, ...changes.mergedAway]);
  const purchases = changes.stored
    .filter((e) => e.type === "track" && e.name === context.settings.purchase.event && !recomputed.has(e.customerId))
    .map((e) => ({
      workspace_id: workspaceId,
      id: e.id,
      customer_id: e.customerId,
      message_id: e.messageId,
      type: e.type,
      name: e.name,
      timestamp: e.timestamp.toISOString(),
      properties: e.properties ?? {},
    }));
  if (purchases.length === 0) return;
  // The batch's purchase events as stored (properties included), so no event is read back: looking them up by
  // id made PostgreSQL walk every purchase event of the workspace on some plans (35–300 ms per batch). Their
  // customers are this batch's survivors (merged-away ones were filtered above), so the "still counts" probe
  // is skipped: on a table never analyzed it was planned as a scan of all customers per order (12 ms per order
  // in the HTTP bench). A key seen before keeps whichever copy is earlier.
  await db.execute(sql`
    insert into customer_orders as t (workspace_id, customer_id, order_key, event_id, at, revenue, discount)
    ${ordersFromEvents(
      context,
      sql`jsonb_to_recordset(${JSON.stringify(purchases)}::jsonb) as e(workspace_id uuid, id bigint,
        customer_id bigint, message_id text, type text, name text, timestamp timestamptz, properties jsonb)`,
      { fromBatch: true },
    )}
    on conflict (workspace_id, customer_id, order_key) do update set
      event_id = excluded.event_id, at = excluded.at, revenue = excluded.revenue, discount = excluded.discount
    where (excluded.at, excluded.event_id) < (t.at, t.event_id)
  `);
}

/**
 * Recomputes customer_orders from events: the whole workspace (a settings change, a backfill), or only the
 * given customers. One set-based statement either way: at 10M events the whole-workspace form reads the
 * purchase events through the (workspace_id, name, timestamp) index and sorts them once.
 */
export async function rebuildOrderFacts(db: Db, context: MetricContext, customerIds?: readonly number[]) {
  const { workspaceId } = context;
  if (customerIds !== undefined && customerIds.length === 0) return;
  const source =
    customerIds === undefined
      ? sql`events e`
      : sql`unnest(${bigintIds(customerIds)}) as x(c) cross join lateral (
          select * from events where workspace_id = ${workspaceId} and customer_id = x.c offset 0
        ) e`;
  const ownRows = customerIds === undefined ? sql`true` : sql`customer_id = any(${bigintIds(customerIds)})`;
  await db.execute(sql`delete from customer_orders where workspace_id = ${workspaceId} and ${ownRows}`);
  await db.execute(sql`
    insert into customer_orders (workspace_id, customer_id, order_key, event_id, at, revenue, discount)
    ${ordersFromEvents(context, source)}
  `);
}

/**
 * The orders among the purchase events read from `source`, a FROM item naming events `e`: the events table, a
 * per-customer lookup (`offset 0` keeps it a (customer, time) index probe; as `customer_id = any(ids)` next to
 * the name filter the planner could walk every purchase event of the workspace), or the batch's own rows. One
 * row per (customer, order key) at its earliest copy, in (customer, order key) order, so that concurrent batches
 * writing the same rows take their locks in the same order and cannot deadlock.
 */
function ordersFromEvents(context: MetricContext, source: SQL, options: { fromBatch?: boolean } = {}): SQL {
  const { workspaceId, settings } = context;
  const purchase = settings.purchase;
  const orderKey =
    purchase.orderIdProperty === null
      ? sql`e.message_id`
      : sql`coalesce(nullif(e.properties ->> ${purchase.orderIdProperty}::text, ''), e.message_id)`;
  const revenue =
    purchase.fallbackRevenueProperty === null
      ? jsonNumber(sql`e.properties`, purchase.revenueProperty)
      : sql`coalesce(${jsonNumber(sql`e.properties`, purchase.revenueProperty)}, ${jsonNumber(sql`e.properties`, purchase.fallbackRevenueProperty)})`;
  const discount =
    purchase.discountProperty === null ? sql`null::numeric` : jsonNumber(sql`e.properties`, purchase.discountProperty);
  return sql`
    select distinct on (o.customer_id, o.order_key)
           ${workspaceId}::uuid, o.customer_id, o.order_key, o.event_id, o.at, o.revenue, o.discount
    from (
      select e.customer_id, ${orderKey} as order_key, e.id as event_id, e.timestamp as at,
             ${revenue} as revenue, ${discount} as discount
      from ${source}
      where e.workspace_id = ${workspaceId} and e.name = ${purchase.event} and e.type = 'track'
        and ${options.fromBatch ? sql`true` : countedCustomer(sql`e.customer_id`, workspaceId)}
    ) o
    order by o.customer_id, o.order_key, o.at, o.event_id
  `;
}

/** Customer ids as one bound bigint[] parameter (validated by the rollups' bigintList). */
function bigintIds(ids: readonly number[]): SQL {
  return sql`${bigintList(ids)}::bigint[]`;
}
