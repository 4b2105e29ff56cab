import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { StoredEvent } from "@/lib/ingest/write-events";
import { loadMetricContext, type MetricContext } from "@/lib/metrics/settings";
import { rebuildEventFacts, updateEventFacts } from "./event-facts";
import { rebuildOrderFacts, updateOrderFacts } from "./orders";
import { rebuildSubscriptionSpans, updateSubscriptionSpans } from "./subscriptions";

/**
 * What one ingest transaction changed, for the KPI fact tables (customer_orders, subscription_spans,
 * customer_event_facts):
 * - stored: the events it inserted;
 * - rebuild: customers whose history changed in another way (a merge moved events onto them): recompute their
 *   rows from their events;
 * - mergedAway: customers merged into another: their rows go (their events now carry the survivor's id).
 */
export type FactChanges = {
  stored: readonly StoredEvent[];
  rebuild: readonly number[];
  mergedAway: readonly number[];
};

/** Keeps the KPI fact tables current inside the ingest transaction. */
export async function updateKpiFacts(db: Db, workspaceId: string, changes: FactChanges) {
  const context = await loadMetricContext(db, workspaceId);
  await updateOrderFacts(db, context, changes);
  await updateSubscriptionSpans(db, context, changes);
  await updateEventFacts(db, workspaceId, changes);
}

/**
 * Recomputes the fact tables from events: all of a workspace's customers, or only `customerIds`. `only` limits
 * it to the tables a settings change affects (purchase settings → orders, subscription events → spans).
 */
export async function rebuildKpiFacts(
  db: Db,
  context: MetricContext,
  options: { customerIds?: readonly number[]; only?: readonly ("orders" | "subscriptions" | "events")[] } = {},
) {
  const only = new Set(options.only ?? ["orders", "subscriptions", "events"]);
  if (only.has("orders")) await rebuildOrderFacts(db, context, options.customerIds);
  if (only.has("subscriptions")) await rebuildSubscriptionSpans(db, context, options.customerIds);
  if (only.has("events")) await rebuildEventFacts(db, context.workspaceId, options.customerIds);
}

/**
 * Fills the fact tables for workspaces that have events but no facts yet (databases from before the tables
 * existed). At start and in the bench; a no-op once filled. Returns how many workspaces it filled.
 */
export async function backfillKpiFacts(db: Db, log: (message: string) => void = () => {}): Promise<number> {
  const pending = await rows<{ id: string }>(
    db,
    sql`select w.id from workspaces w
        where exists (select 1 from events e where e.workspace_id = w.id and e.type in ('track', 'page', 'screen'))
          and not exists (select 1 from customer_event_facts f where f.workspace_id = w.id)`,
  );
  for (const { id } of pending) {
    log(`filling the KPI fact tables of workspace ${id}`);
    await rebuildKpiFacts(db, await loadMetricContext(db, id));
  }
  return pending.length;
}
