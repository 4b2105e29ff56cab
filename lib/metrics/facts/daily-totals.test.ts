import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { customerDailyActivity, customers, workspaces } from "@/lib/db/schema";
import { rebuildDailyActivity } from "@/lib/ingest/rollup";
import { saveMetricSettings } from "@/lib/metrics/save-settings";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/metrics/settings";
import { workspaceSummary } from "@/lib/metrics/summary";
import { describeEachDatabase } from "@/test/db";
import { ingest, mergedProfiles, newWorkspace, randomStream } from "./random-stream";

type Day = { day: string; events: number; orders: number; revenue: string };

/** workspace_daily_totals per day, shards summed (days whose changes cancelled out to zero left out). */
async function totals(db: Db, workspaceId: string): Promise<Day[]> {
  const found = await rows<Day>(
    db,
    sql`select day::text, sum(events)::int as events, sum(orders)::int as orders, round(sum(revenue), 2)::text as revenue
        from workspace_daily_totals where workspace_id = ${workspaceId}
        group by day having sum(events) <> 0 or sum(orders) <> 0 or sum(revenue) <> 0 order by day`,
  );
  return found.map((d) => ({ ...d, events: Number(d.events), orders: Number(d.orders) }));
}

/** The same sums straight from customer_daily_activity: what the totals must always equal. */
async function sums(db: Db, workspaceId: string): Promise<Day[]> {
  const found = await rows<Day>(
    db,
    sql`select day::text, sum(event_count)::int as events, sum(order_count)::int as orders,
               round(sum(revenue), 2)::text as revenue
        from customer_daily_activity where workspace_id = ${workspaceId} group by day order by day`,
  );
  return found.map((d) => ({ ...d, events: Number(d.events), orders: Number(d.orders) }));
}

const ORDER_IDS = ["o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8", undefined];
const AMOUNTS: unknown[] = [10, "5.50", 19.99, null, "abc"];

describeEachDatabase("workspace_daily_totals follow customer_daily_activity", ({ database }) => {
  /**
   * Property: whichever way the daily rollup is written — ingest adding a batch, customers rebuilt after a merge
   * or a repeated order id (a retry with another timestamp moves an order's day), a time-zone change rebuilding
   * the workspace in other local days, a full rebuild — the totals per day equal its sums per day.
   */
  for (const seed of [1, 2, 3, 4]) {
    it(`random stream #${seed}: the totals equal the daily rollup's sums through ingest and rebuilds`, async () => {
      const db = database().db;
      const ws = await newWorkspace(db, `totals p${seed}`, {}, "Europe/Berlin");
      const stream = randomStream(seed, {
        names: ["Order Completed", "Order Completed", "Viewed"],
        properties: (name, random) => {
          if (name !== "Order Completed") return {};
          const orderId = ORDER_IDS[Math.floor(random() * ORDER_IDS.length)];
          const revenue = AMOUNTS[Math.floor(random() * AMOUNTS.length)];
          return { ...(orderId ? { order_id: orderId } : {}), revenue, total: 20 };
        },
      });
      await ingest(db, ws, stream);
      const kept = await totals(db, ws);
      expect(kept).toEqual(await sums(db, ws));
      expect(await mergedProfiles(db, ws)).toBeGreaterThan(0);
      expect(kept.reduce((n, d) => n + d.orders, 0)).toBeGreaterThan(3);

      // The summary reads the totals: the same answer as summing the rollup over its window.
      const now = new Date("2026-05-01T12:00:00Z");
      const window = kept.filter((d) => d.day > "2026-04-01" && d.day <= "2026-05-01");
      const summary = await workspaceSummary(db, ws, now);
      expect(summary.events).toBe(window.reduce((n, d) => n + d.events, 0));
      expect(summary.orders).toBe(window.reduce((n, d) => n + d.orders, 0));
      expect(summary.revenue).toBeCloseTo(
        window.reduce((n, d) => n + Number(d.revenue), 0),
        6,
      );

      // A time-zone change rebuilds the rollup in the new zone's days; the totals move with it.
      await saveMetricSettings(db, ws, null, { ...DEFAULT_METRIC_SETTINGS, timeZone: "America/Los_Angeles" });
      const moved = await totals(db, ws);
      expect(moved).toEqual(await sums(db, ws));
      expect(moved).not.toEqual(kept);

      // A full rebuild (repair tools, the seed) deletes and re-inserts every row.
      await rebuildDailyActivity(db, ws);
      expect(await totals(db, ws)).toEqual(moved);
    });
  }

  it("lets a workspace with activity be deleted: its totals go with it", async () => {
    const db = database().db;
    const ws = await newWorkspace(db, "totals deleted");
    await db.insert(customers).values({ workspaceId: ws, id: 1, externalId: "u1" });
    await db.insert(customerDailyActivity).values({ workspaceId: ws, customerId: 1, day: "2026-03-01", eventCount: 2 });
    expect(await totals(db, ws)).toEqual([{ day: "2026-03-01", events: 2, orders: 0, revenue: "0.00" }]);
    await db.delete(workspaces).where(eq(workspaces.id, ws));
    expect(await rows(db, sql`select * from workspace_daily_totals where workspace_id = ${ws}`)).toEqual([]);
  });
});
