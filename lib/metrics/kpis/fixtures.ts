import type { Db } from "@/lib/db/client";
import { customers, events, workspaces } from "@/lib/db/schema";
import { rebuildKpiFacts } from "@/lib/metrics/facts";
import { DEFAULT_METRIC_SETTINGS, type MetricContext, type MetricSettings } from "@/lib/metrics/settings";

/**
 * Hand-built data for the KPI tests: a workspace, customers by number, and events written straight into the
 * events table (what ingest stores), so each test states exactly what happened and when.
 */
export async function kpiWorkspace(
  db: Db,
  timeZone = "UTC",
  settings: Partial<MetricSettings> = {},
): Promise<MetricContext> {
  const [w] = await db
    .insert(workspaces)
    .values({ name: `KPI ${timeZone}`, timeZone })
    .returning();
  return { workspaceId: w!.id, timeZone, settings: { ...DEFAULT_METRIC_SETTINGS, ...settings } };
}

export type FixtureCustomer = {
  id: number;
  mergedInto?: number;
  traits?: Record<string, unknown>;
  firstSeenAt?: string;
};

export async function addCustomers(db: Db, context: MetricContext, list: FixtureCustomer[]) {
  await db.insert(customers).values(
    list.map((c) => ({
      workspaceId: context.workspaceId,
      id: c.id,
      externalId: `u${c.id}`,
      mergedInto: c.mergedInto ?? null,
      traits: c.traits ?? {},
      firstSeenAt: c.firstSeenAt ? new Date(c.firstSeenAt) : null,
    })),
  );
}

export type FixtureEvent = {
  customer: number;
  name: string;
  at: string;
  properties?: Record<string, unknown>;
  type?: string;
};

let sequence = 0;

export async function addEvents(db: Db, context: MetricContext, list: FixtureEvent[]) {
  await db.insert(events).values(
    list.map((e) => ({
      workspaceId: context.workspaceId,
      messageId: `m${++sequence}`,
      customerId: e.customer,
      type: e.type ?? "track",
      name: e.name,
      properties: e.properties ?? {},
      timestamp: new Date(e.at),
    })),
  );
  // What ingest keeps next to the events it stores: the KPI fact tables of these customers.
  await rebuildKpiFacts(db, context, { customerIds: [...new Set(list.map((e) => e.customer))] });
}
