import type { Db } from "@/lib/db/client";
import { customers, events, workspaces } from "@/lib/db/schema";
import { rebuildActivityRollups, refreshCustomerFacts } from "@/lib/ingest/rollup";
import { rebuildKpiFacts } from "@/lib/metrics/facts";
import { loadMetricContext } from "@/lib/metrics/settings";

export type FixtureEvent = {
  customer: number;
  /** ISO instant, e.g. "2026-01-04T23:30:00Z". */
  at: string;
  name?: string;
  type?: "track" | "page" | "screen" | "identify";
  properties?: Record<string, unknown>;
};

export type FixtureCustomer = { id: number; traits?: Record<string, unknown>; mergedInto?: number };

/**
 * A workspace built by hand for metric tests: customers, raw events, then the rollups and profile facts
 * computed by the same functions the write path uses, so tests exercise what production reads.
 */
export async function buildMetricFixture(
  db: Db,
  options: { timeZone: string; customers: FixtureCustomer[]; events: FixtureEvent[]; settings?: unknown },
): Promise<string> {
  const [workspace] = await db
    .insert(workspaces)
    .values({ name: "Fixture", timeZone: options.timeZone, settings: { metrics: options.settings } })
    .returning({ id: workspaces.id });
  const workspaceId = workspace!.id;
  await db.insert(customers).values(
    options.customers.map((c) => ({
      workspaceId,
      id: c.id,
      externalId: `user_${c.id}`,
      email: `user${c.id}@example.com`,
      traits: c.traits ?? {},
      mergedInto: c.mergedInto ?? null,
    })),
  );
  if (options.events.length > 0) {
    await db.insert(events).values(
      options.events.map((e, i) => ({
        workspaceId,
        messageId: `m${i}`,
        customerId: e.customer,
        userId: `user_${e.customer}`,
        type: e.type ?? "track",
        name: e.type === "identify" ? null : (e.name ?? "Logged In"),
        properties: e.properties ?? {},
        timestamp: new Date(e.at),
        receivedAt: new Date(e.at),
      })),
    );
  }
  await rebuildActivityRollups(db, workspaceId);
  await rebuildKpiFacts(db, await loadMetricContext(db, workspaceId));
  await refreshCustomerFacts(db, workspaceId);
  return workspaceId;
}
