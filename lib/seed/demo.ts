import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sources, workspaces } from "@/lib/db/schema";
import { rebuildActivityRollups, refreshCustomerFacts } from "@/lib/ingest/rollup";
import { rebuildKpiFacts } from "@/lib/metrics/facts";
import { loadMetricContext } from "@/lib/metrics/settings";
import { addTeamMember } from "@/lib/team/members";
import { createWorkspaceWithAdmin } from "@/lib/workspaces/create";
import { type BatchCounts, writeStories } from "./bulk";
import type { SimulationContext } from "./customers";
import { DEMO_SOURCE_NAME, DEMO_TIME_ZONE, DEMO_USERS, DEMO_WORKSPACE_NAME, DEMO_WRITE_KEY } from "./demo-users";
import { deleteDemo } from "./existing";
import { simulateCustomer } from "./lifecycle";
import { seedDemoSegments } from "./segments";
import type { CustomerStory } from "./story";
import { DAY } from "./time";

export type SeedDemoOptions = {
  customers: number;
  days: number;
  /** The simulated present: nothing in the demo happens after it. */
  now: Date;
  seed?: number;
  onProgress?: (message: string) => void;
};

export type DemoSummary = {
  workspaceId: string;
  customers: number;
  identities: number;
  events: number;
  tickets: number;
  ticketStatusChanges: number;
  elapsedMs: number;
};

export const DEFAULT_DEMO_SEED = 20_260_101;

/**
 * Customers simulated and written per transaction. Large enough that statements carry ~2,000 rows, small
 * enough that memory stays flat however many customers are asked for (each batch is dropped once written).
 */
const CUSTOMERS_PER_BATCH = 250;

/**
 * Creates the "Northwind Coffee Club" demo workspace: one user per role, the "Website" source with the demo
 * write key, and `customers` simulated customers who signed up over the last `days` days, with their events,
 * support tickets and the daily activity rollup. The same (customers, days, now, seed) always produces the
 * same rows. docs/demo-data.md describes what is in it.
 */
export async function seedDemo(db: Db, options: SeedDemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const { customers, days } = options;
  if (!Number.isInteger(customers) || customers < 1) throw new Error("customers must be a positive integer");
  if (!Number.isInteger(days) || days < 1) throw new Error("days must be a positive integer");
  const now = options.now.getTime();
  if (!Number.isFinite(now)) throw new Error("now must be a valid date");
  const progress = options.onProgress ?? (() => {});
  const ctx: SimulationContext = {
    seed: options.seed ?? DEFAULT_DEMO_SEED,
    now,
    days,
    customers,
    windowStart: now - days * DAY,
  };

  progress(`Creating the ${DEMO_WORKSPACE_NAME} workspace and its users`);
  const [admin, ...team] = DEMO_USERS;
  const { workspaceId, userId } = await createWorkspaceWithAdmin(db, {
    workspaceName: DEMO_WORKSPACE_NAME,
    timeZone: DEMO_TIME_ZONE,
    name: admin.name,
    email: admin.email,
    password: admin.password,
  });
  try {
    for (const user of team) await addTeamMember(db, workspaceId, userId, user);
    // The shop has existed as long as its history: a workspace created today with a year of data would
    // confuse every "since" in the product.
    const openedAt = new Date(ctx.windowStart - DAY);
    await db.update(workspaces).set({ currency: "USD", createdAt: openedAt }).where(eq(workspaces.id, workspaceId));
    const [source] = await db
      .insert(sources)
      .values({ workspaceId, name: DEMO_SOURCE_NAME, writeKey: DEMO_WRITE_KEY, createdAt: openedAt })
      .returning({ id: sources.id });
    if (!source) throw new Error("inserting the demo source returned nothing");

    const totals: BatchCounts = { customers: 0, identities: 0, events: 0, tickets: 0, statusChanges: 0 };
    let reported = 0;
    let analyzedAt = 0;
    for (let first = 0; first < customers; first += CUSTOMERS_PER_BATCH) {
      const stories: CustomerStory[] = [];
      for (let i = first; i < Math.min(first + CUSTOMERS_PER_BATCH, customers); i++) {
        stories.push(simulateCustomer(ctx, i));
      }
      const counts = await db.transaction(async (tx) => {
        const written = await writeStories(tx, workspaceId, source.id, stories);
        // The rollup and first/last seen follow each batch, as they will follow each ingest batch: no
        // workspace-wide statement at the end whose memory and time grow with the size of the demo.
        await rebuildActivityRollups(tx, workspaceId, written.customerIds);
        await rebuildKpiFacts(tx, await loadMetricContext(tx, workspaceId), { customerIds: written.customerIds });
        await refreshCustomerFacts(tx, workspaceId, written.customerIds);
        return written;
      });
      totals.customers += counts.customers;
      totals.identities += counts.identities;
      totals.events += counts.events;
      totals.tickets += counts.tickets;
      totals.statusChanges += counts.statusChanges;
      // Fresh statistics each time the data doubles: without autovacuum (PGlite, or a server with it off)
      // the planner keeps the empty-table estimates and the per-batch rollup queries slowed the 100k-customer
      // seed fourfold (docs/benchmarks.md). Doubling keeps the total ANALYZE work proportional to the data.
      if (totals.events >= Math.max(50_000, analyzedAt * 2)) {
        analyzedAt = totals.events;
        await db.execute(sql`analyze customers, customer_identities, events, customer_daily_activity`);
      }
      // About twenty progress lines whatever the size.
      if (totals.customers === customers || totals.customers - reported >= customers / 20) {
        reported = totals.customers;
        progress(
          `customers ${fmt(totals.customers)}/${fmt(customers)} · events ${fmt(totals.events)} · tickets ${fmt(totals.tickets)}`,
        );
      }
    }

    // Fresh statistics and visibility maps, so the first dashboards after seeding get sensible plans and
    // index-only scans: PGlite has no autovacuum, and on it this halves the first reads of events.
    await db.execute(
      sql`vacuum analyze customers, customer_identities, events, customer_daily_activity, tickets, ticket_status_history,
          customer_orders, subscription_spans, customer_event_facts, customer_event_periods, customer_engagement,
          nps_answers, workspace_daily_totals`,
    );
    await seedDemoSegments(db, workspaceId, userId, options.now);
    // Without statistics (no autovacuum on PGlite or a server with it off) removing a few members of a large
    // segment scanned all of them: 130 ms of each ingest batch's membership refresh at 100k customers.
    await db.execute(sql`analyze segment_members, segment_membership_events`);
    return {
      workspaceId,
      customers: totals.customers,
      identities: totals.identities,
      events: totals.events,
      tickets: totals.tickets,
      ticketStatusChanges: totals.statusChanges,
      elapsedMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    // A half-written demo would block the next attempt ("demo already exists"): remove it, then report.
    await deleteDemo(db, [workspaceId]).catch(() => {});
    throw error;
  }
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}
