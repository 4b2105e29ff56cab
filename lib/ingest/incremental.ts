import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { ACTIVE_TYPES } from "@/lib/ingest/active-types";
import { updateKpiFacts } from "@/lib/metrics/facts";
import { NPS_EVENT } from "@/lib/metrics/kpis/nps";
import { addEventPeriods } from "@/lib/metrics/rollups/event-periods";
import { addPeriodRows, refreshPeriodRollups } from "@/lib/metrics/rollups/refresh";
import { refreshSegmentMembership } from "@/lib/segments/store/refresh";
import { PURCHASE_EVENT, SUBSCRIPTION_EVENTS } from "./commerce-events";
import { ORDER_KEY, rebuildDailyActivity, refreshCustomerFacts } from "./rollup";
import type { StoredEvent } from "./write-events";

/**
 * Keeps customer_daily_activity, the period rollups (cohort and lifecycle counts) and the KPI facts current for
 * newly stored events, inside the ingest transaction (the per-event customer facts were added already, by
 * addCustomerFactsLocking). The common case adds the new events' counts to existing rows; customers whose history
 * changed in another way (a merge, an order_id seen before, a subscription event) are recomputed from their
 * events instead, so the result always equals rebuildDailyActivity/refreshCustomerFacts over raw events.
 */
export async function updateRollups(
  db: Db,
  workspaceId: string,
  stored: readonly StoredEvent[],
  changedHistory: ReadonlySet<number>,
  mergedAway: Iterable<number> = [],
) {
  const rebuild = new Set(changedHistory);
  for (const id of await customersWithRepeatedOrders(db, workspaceId, stored)) rebuild.add(id);

  const incremental = stored.filter((e) => !rebuild.has(e.customerId));
  await addDailyActivity(db, workspaceId, incremental);
  const newPeriods = await addPeriodRows(db, workspaceId, incremental);
  await addEventPeriods(db, workspaceId, incremental);

  const refreshFacts = new Set(rebuild);
  for (const e of stored)
    if (e.type === "track" && e.name && (SUBSCRIPTION_EVENTS.includes(e.name) || e.name === NPS_EVENT))
      refreshFacts.add(e.customerId);
  const rebuildIds = [...rebuild].sort((a, b) => a - b);
  if (rebuildIds.length > 0) await rebuildDailyActivity(db, workspaceId, rebuildIds);
  const factIds = [...refreshFacts].sort((a, b) => a - b);
  if (factIds.length > 0) await refreshCustomerFacts(db, workspaceId, factIds);
  await updateKpiFacts(db, workspaceId, { stored, rebuild: rebuildIds, mergedAway: [...mergedAway] });
  await refreshSegmentMembership(db, workspaceId, stored, [...rebuild, ...mergedAway]);
  // Last in the transaction: this week's cohort cells are shared by every writer, so they are held briefly.
  await refreshPeriodRollups(db, workspaceId, [...rebuildIds, ...mergedAway], newPeriods);
}

/** Customers for whom a new order's key also appears on another of their events (a repeat or a retry). */
async function customersWithRepeatedOrders(db: Db, workspaceId: string, stored: readonly StoredEvent[]) {
  const orders = stored.filter((e) => e.orderKey !== null).map((e) => ({ id: e.id, c: e.customerId, k: e.orderKey }));
  if (orders.length === 0) return [];
  const found = await rows<{ customer_id: number }>(
    db,
    sql`
      select distinct n.c as customer_id
      from jsonb_to_recordset(${JSON.stringify(orders)}::jsonb) as n(id bigint, c bigint, k text)
      join events e on e.workspace_id = ${workspaceId} and e.customer_id = n.c and e.id <> n.id
        and e.type = 'track' and e.name = ${PURCHASE_EVENT}
        and ${ORDER_KEY} = n.k
    `,
  );
  return found.map((r) => Number(r.customer_id));
}

async function addDailyActivity(db: Db, workspaceId: string, events: readonly StoredEvent[]) {
  if (events.length === 0) return;
  const byDay = new Map<string, { c: number; d: string; n: number; a: number; o: number; r: number }>();
  for (const e of events) {
    const key = `${e.customerId}|${e.day}`;
    const row = byDay.get(key) ?? { c: e.customerId, d: e.day, n: 0, a: 0, o: 0, r: 0 };
    row.n += 1;
    if (ACTIVE_TYPES.has(e.type)) row.a += 1;
    if (e.orderKey !== null) {
      row.o += 1;
      row.r += e.amount ?? 0;
    }
    byDay.set(key, row);
  }
  // A fixed order of upserts keeps concurrent batches from deadlocking on the same rows.
  const values = [...byDay.values()].sort((x, y) => x.c - y.c || x.d.localeCompare(y.d));
  await db.execute(sql`
    insert into customer_daily_activity as t
      (workspace_id, customer_id, day, event_count, active_event_count, order_count, revenue)
    select ${workspaceId}::uuid, x.c, x.d::date, x.n, x.a, x.o, x.r
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as x(c bigint, d text, n int, a int, o int, r numeric)
    on conflict (workspace_id, customer_id, day) do update set
      event_count = t.event_count + excluded.event_count,
      active_event_count = t.active_event_count + excluded.active_event_count,
      order_count = t.order_count + excluded.order_count,
      revenue = t.revenue + excluded.revenue
  `);
}
