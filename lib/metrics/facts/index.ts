import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { StoredEvent } from "@/lib/ingest/write-events";
import { loadMetricContext, type MetricContext } from "@/lib/metrics/settings";
import { rebuildEngagementFacts, updateEngagementFacts } from "./engagement";
import { rebuildEventFacts, updateEventFacts } from "./event-facts";
import { rebuildNpsAnswers, updateNpsAnswers } from "./nps";
import { rebuildOrderFacts, updateOrderFacts } from "./orders";
import { rebuildSubscriptionSpans, updateSubscriptionSpans } from "./subscriptions";

/**
 * What one ingest transaction changed, for the KPI fact tables (customer_orders, subscription_spans,
 * customer_event_facts, customer_engagement, nps_answers):
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
  // Derived from the event facts just updated.
  await updateEngagementFacts(db, context, changes);
  await updateNpsAnswers(db, workspaceId, changes);
}

/**
 * Recomputes the fact tables from events: all of a workspace's customers, or only `customerIds`. `only` limits
 * it to the tables a settings change affects (purchase settings → orders, subscription events → spans,
 * signup/activation/onboarding/feature events → engagement).
 */
export async function rebuildKpiFacts(
  db: Db,
  context: MetricContext,
  options: { customerIds?: readonly number[]; only?: readonly KpiFactTable[] } = {},
) {
  const only = new Set(options.only ?? KPI_FACT_TABLES);
  if (only.has("orders")) await rebuildOrderFacts(db, context, options.customerIds);
  if (only.has("subscriptions")) await rebuildSubscriptionSpans(db, context, options.customerIds);
  if (only.has("events")) await rebuildEventFacts(db, context.workspaceId, options.customerIds);
  // After the event facts: the engagement rows are derived from them.
  if (only.has("events") || only.has("engagement")) await rebuildEngagementFacts(db, context, options.customerIds);
  if (only.has("nps")) await rebuildNpsAnswers(db, context.workspaceId, options.customerIds);
}

const KPI_FACT_TABLES = ["orders", "subscriptions", "events", "engagement", "nps"] as const;
export type KpiFactTable = (typeof KPI_FACT_TABLES)[number];

/**
 * Fills the fact tables for workspaces that have events but no facts yet (databases from before the tables
 * existed). At start and in the bench; a no-op once filled. Returns how many workspaces it filled.
 * customer_engagement came later than the others (nps_answers was filled by its migration): a workspace with
 * facts but no engagement rows gets them when some customer has signed up by its settings.
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
  const withoutEngagement = await rows<{ id: string }>(
    db,
    sql`select w.id from workspaces w
        where exists (select 1 from customer_event_facts f where f.workspace_id = w.id)
          and not exists (select 1 from customer_engagement g where g.workspace_id = w.id)`,
  );
  let filled = pending.length;
  for (const { id } of withoutEngagement) {
    const context = await loadMetricContext(db, id);
    if (!(await anySignup(db, context))) continue;
    log(`filling customer_engagement of workspace ${id}`);
    await rebuildEngagementFacts(db, context);
    filled += 1;
  }
  return filled;
}

/** Whether some customer signed up by the settings (so an empty customer_engagement is missing rows). */
async function anySignup(db: Db, context: MetricContext): Promise<boolean> {
  const { workspaceId, settings } = context;
  const [row] = await rows<{ found: boolean }>(
    db,
    settings.signupEvent === null
      ? sql`select exists (
          select 1 from customers c
          where c.workspace_id = ${workspaceId} and c.merged_into is null and c.first_seen_at is not null
        ) as found`
      : sql`select exists (
          select 1 from customer_event_facts f where f.workspace_id = ${workspaceId} and f.name = ${settings.signupEvent}
        ) as found`,
  );
  return row?.found === true;
}
