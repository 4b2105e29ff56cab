import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { workspaces } from "@/lib/db/schema";
import { ingest, newWorkspace } from "@/lib/metrics/facts/random-stream";
import { describeEachDatabase } from "@/test/db";

// The per-customer rollups have no foreign key to workspaces (drizzle/0016); a trigger clears them instead.
const ROLLUPS = [
  "customer_daily_activity",
  "customer_period_activity",
  "customer_event_facts",
  "customer_event_periods",
  "workspace_daily_totals",
] as const;

async function rowCounts(db: Db, workspaceId: string) {
  const counts: Record<string, number> = {};
  for (const table of ROLLUPS) {
    const [row] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${workspaceId}`,
    );
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}

const stream = (prefix: string) => [
  { type: "identify", userId: `${prefix}-1`, traits: { plan: "pro" }, timestamp: "2026-03-02T10:00:00Z" },
  { type: "track", userId: `${prefix}-1`, event: "Order Completed", timestamp: "2026-03-03T10:00:00Z" },
  { type: "page", anonymousId: `${prefix}-a`, name: "Home", timestamp: "2026-03-10T10:00:00Z" },
];

describeEachDatabase("deleting a workspace", ({ database }) => {
  it("clears its rollups and leaves other workspaces' rows alone", async () => {
    const db = database().db;
    const gone = await newWorkspace(db, "to delete");
    const kept = await newWorkspace(db, "to keep");
    await ingest(db, gone, [stream("g")]);
    await ingest(db, kept, [stream("k")]);
    const before = await rowCounts(db, kept);
    for (const table of ROLLUPS) {
      expect((await rowCounts(db, gone))[table], table).toBeGreaterThan(0);
      expect(before[table], table).toBeGreaterThan(0);
    }

    await db.delete(workspaces).where(eq(workspaces.id, gone));

    expect(await rowCounts(db, gone)).toEqual(Object.fromEntries(ROLLUPS.map((t) => [t, 0])));
    expect(await rowCounts(db, kept)).toEqual(before);
  });
});
